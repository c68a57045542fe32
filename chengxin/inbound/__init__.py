"""The mail pipeline: a message's way in, read top to bottom in :mod:`.pipeline`
(store -> assess -> link to the imitated customer -> compare bank details -> alert ->
change request), and every door that brings a message in (the poll tasks, the upload
page, "check now", the ``ingest_mail`` command, the sweep of messages left unassessed).

It sits above mail, the guard, banking and changes and calls each directly; none of
them calls back into it (the guard re-assesses after a block through the
``CHENGXIN_GUARD_REASSESS`` setting, which names :func:`.pipeline.message_process`).
"""
