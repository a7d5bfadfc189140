"""Shared fixtures: a catalogue database built from the real data files in a temp folder."""
from __future__ import annotations

import pytest

from services_catalog.db import make_engine
from services_catalog.loader import load
from services_catalog.query import Catalogue


@pytest.fixture(scope="session")
def catalogue_url(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("catalogue") / "catalogue.sqlite"
    url = f"sqlite:///{path}"
    load(make_engine(url))
    return url


@pytest.fixture(scope="session")
def catalogue(catalogue_url) -> Catalogue:
    return Catalogue(make_engine(catalogue_url))
