import pytest

from chengxin.catalog.models import HsCode, Product


@pytest.fixture(autouse=True)
def _hs_2022(request):
    """The HS 2022 nomenclature, as its data migration stores it: a test on the live server
    (a transaction test) empties every table when it ends, the migration's rows included,
    so a later test in the same process would find no code at all."""
    names = request.fixturenames
    if "live_server" in names or "transactional_db" in names:
        request.getfixturevalue("transactional_db")
    elif "db" in names:
        request.getfixturevalue("db")
    else:
        return
    if not HsCode.objects.exists():
        from chengxin.catalog.hs_load import rows_from_package, store

        store(HsCode, rows_from_package())


@pytest.fixture
def lamp(db):
    """A ceiling lamp, correctly classified (9405.11: chandeliers and ceiling light fittings)."""
    return Product.objects.create(
        sku="LED-CL-40",
        name="LED ceiling lamp 40 W",
        names={"de": "LED-Deckenleuchte 40 W", "fr": "Plafonnier LED 40 W"},
        description="Round ceiling light fitting, aluminium housing.",
        hs_code="940511",
        unit="pcs",
        moq=100,
        lead_time_days=25,
        net_weight_kg="1.200",
        gross_weight_kg="1.500",
        package_length_cm="45.0",
        package_width_cm="45.0",
        package_height_cm="12.0",
        units_per_package=4,
        origin_country="CN",
    )


@pytest.fixture
def shirt(db):
    return Product.objects.create(
        sku="TS-100", name="Cotton T-shirt", hs_code="610910", unit="pcs", moq=500
    )


@pytest.fixture
def inbox(settings, tmp_path):
    folder = tmp_path / "stock-inbox"
    folder.mkdir()
    settings.CHENGXIN_STOCK_INBOX = folder
    return folder
