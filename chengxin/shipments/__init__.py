"""Shipments: carrier, tracking and container numbers checked, bill of lading (which
moves the order's balance due), ports by UN/LOCODE, tracking events, delay warnings."""
