"""The API's schema (/api/v1/openapi.json) names each shape once: two schemas with one
name collapse into one component, and an endpoint is then documented with the other's
shape (the company history once showed a contact change's fields)."""

from __future__ import annotations

import types
import typing
from collections import defaultdict

from pydantic import BaseModel

from chengxin.api import api


def _models_in(annotation, seen: set) -> None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        for field in annotation.model_fields.values():
            _models_in(field.annotation, seen)
        return
    for argument in typing.get_args(annotation):
        _models_in(argument, seen)


def _operations():
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            yield from path_view.operations


def _schema_models() -> set[type[BaseModel]]:
    seen: set = set()
    for operation in _operations():
        for model in operation.models:
            _models_in(model, seen)
        for response_model in operation.response_models.values():
            if response_model is not None and not isinstance(response_model, types.NoneType):
                _models_in(response_model, seen)
    return seen


def test_every_schema_name_is_unique():
    by_name: dict[str, set[str]] = defaultdict(set)
    for model in _schema_models():
        by_name[model.__name__].add(f"{model.__module__}.{model.__qualname__}")
    shared = {name: sorted(where) for name, where in by_name.items() if len(where) > 1}
    assert shared == {}


def test_the_company_history_is_documented_with_its_own_change_shape(client):
    schema = client.get("/api/v1/openapi.json").json()
    history = schema["paths"]["/api/v1/companies/{company_id}/history"]["get"]
    entry_ref = history["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    entry = schema["components"]["schemas"][entry_ref["$ref"].rsplit("/", 1)[1]]
    change_ref = entry["properties"]["changes"]["items"]["$ref"].rsplit("/", 1)[1]
    assert set(schema["components"]["schemas"][change_ref]["properties"]) == {
        "field",
        "before",
        "after",
    }


def _integers_without_maximum(schema: dict, node, where: str, seen: set) -> list[str]:
    """Paths to integer inputs with no upper bound, following $refs."""
    found = []
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[1]
            if name not in seen:
                seen.add(name)
                found += _integers_without_maximum(
                    schema, schema["components"]["schemas"][name], f"{where}>{name}", seen
                )
        if node.get("type") == "integer" and "maximum" not in node:
            found.append(where)
        for key, value in node.items():
            if key in ("properties", "items", "anyOf", "allOf", "oneOf"):
                found += _integers_without_maximum(schema, value, f"{where}.{key}", seen)
            elif isinstance(value, dict) and where.endswith(".properties"):
                found += _integers_without_maximum(schema, value, f"{where}.{key}", seen)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _integers_without_maximum(schema, value, f"{where}[{index}]", seen)
    return found


def test_every_integer_the_api_takes_has_an_upper_bound(client):
    """Ids and numbers in paths, query strings and bodies use the shared bounded types
    (core.api_types): a number beyond 64 bits is a 422, never a database error."""
    schema = client.get("/api/v1/openapi.json").json()
    unbounded = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                unbounded += _integers_without_maximum(
                    schema, parameter["schema"], f"{where} {parameter['name']}", set()
                )
            body = operation.get("requestBody", {}).get("content", {})
            for media in body.values():
                unbounded += _integers_without_maximum(schema, media["schema"], where, set())
    assert unbounded == []
