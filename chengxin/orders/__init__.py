"""Quotes and orders: lines, Incoterm and named place, payment methods offered, payment
terms as data and the schedule of amounts due, milestones kept as commitments, costs and
profit in the base currency."""
