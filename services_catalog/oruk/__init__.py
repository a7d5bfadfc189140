"""Open Referral UK (HSDS 3.0 UK profile): the catalogue's feed, a validator and a reader.

- :mod:`.files`: one ORUK-shaped file of every service (``export`` and ``import``);
- :mod:`.ids`: the stable UUIDs every published record carries;
- :mod:`.profile`, :mod:`.formats`, :mod:`.schema_check`: the profile's endpoints and schemas,
  checked as the official validator checks them;
- :mod:`.feed`: the nine endpoints' answers, built from the catalogue;
- :mod:`.validator`: ``validate-feed``, a port of the official validator's checks;
- :mod:`.reader`: ``import-feed``, any ORUK feed into the catalogue.
"""
from .files import documents_from_db, from_oruk, read_oruk_file, to_oruk, validation_errors
from .ids import NAMESPACE, oruk_id

__all__ = ["NAMESPACE", "documents_from_db", "from_oruk", "oruk_id", "read_oruk_file", "to_oruk",
           "validation_errors"]
