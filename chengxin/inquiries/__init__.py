"""Inquiries on the clock: a buyer's request, its first-response and full-answer clocks
in our company's working calendar, and the response times kept per buyer."""
