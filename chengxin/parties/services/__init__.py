"""Changes to customers. Each service checks permissions (:mod:`chengxin.parties.permissions`)
and invariants, writes in one transaction and records the change in the audit trail.
One module per concern:

* :mod:`.companies` - a customer created (with its first contacts), updated, shared, deleted;
* :mod:`.pool` - who owns a customer: claimed from the pool, returned, assigned, and sent
  back when nobody followed it up (``pool_return_stale``);
* :mod:`.contacts` - the people at a customer;
* :mod:`.channels` - how to reach them: written with a new contact or by a change request,
  retired, verified;
* :mod:`.domains` - the customer's email domains;
* :mod:`.follow_ups` - what was said or done with a customer;
* :mod:`.merge` - a duplicate merged into the customer that stays;
* :mod:`.search_text` - the text the customer list searches.

Nothing is re-exported here: import the module of the concern.
"""
