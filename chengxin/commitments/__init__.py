"""Commitments: every promised date of an order (production start, ready, shipped,
arrival) tracked as kept, at risk or broken, with who promised it; production updates
with photos sent to the buyer; delays raised early with an alternative."""
