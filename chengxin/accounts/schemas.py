"""API schemas about people that other apps' schemas embed."""

from __future__ import annotations

from ninja import Field, Schema


class ApproverOut(Schema):
    id: int = Field(description="The user's id.")
    name: str = Field(description="The user's name.")
    role: str = Field(description="admin, manager, sales or finance.")
    must_set_up_two_factor: bool = Field(
        description="True when they have no authenticator yet and must set one up at login."
    )
