"""The customer's postal address.

On SQLite, adding a NOT NULL column rebuilds the company table, and the triggers that
keep the search index (FTS5, :mod:`chengxin.parties.search`) in step go with the old
table: they are set up again after the column is added (and after it is removed, when
going back), and the index rebuilt."""

from django.db import migrations, models

from chengxin.parties import search


def _search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in search.SQLITE_SETUP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('parties', '0006_channel_provenance'),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, _search_triggers),
        migrations.AddField(
            model_name='company',
            name='address',
            field=models.TextField(blank=True, max_length=500, verbose_name='postal address'),
        ),
        migrations.RunPython(_search_triggers, migrations.RunPython.noop),
    ]
