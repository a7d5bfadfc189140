"""Catalogue tables, shaped on Open Referral UK (HSDS UK profile).

Services carry their taxonomy links as (taxonomy, code) attributes, as ORUK does, so a new
vocabulary (e.g. a THRIVE grouping or an access route) needs no schema change. Every contact
detail keeps its own source, status and assured date: a service can have one confirmed number
and one that must not be read out.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, relationship

#: Typed as Any: SQLAlchemy 1.4's declarative base is made at run time (no mypy plugin here).
Base: Any = declarative_base()

CONFIRMED = "confirmed"
UNVERIFIED = "unverified"
CONTACT_STATUSES = (CONFIRMED, UNVERIFIED)

#: Kinds of contact detail. ``phone`` and ``text`` are numbers; the rest are addresses.
CONTACT_KINDS = ("phone", "text", "webchat", "email", "website")

#: Contact kinds whose value is withheld unless confirmed: numbers, and addresses to send to.
#: The others (website, webchat) are web addresses, usable with "check the website" even when
#: unverified.
WITHHELD_UNLESS_CONFIRMED = ("phone", "text", "email")

#: Taxonomies a service can be tagged with (see taxonomy.yml); ``access`` lists how to reach it,
#: ``group`` whom it is only for.
#: (taxonomy, data-file key) of each.
ATTRIBUTE_KEYS = (("need", "needs"), ("urgent", "urgent"), ("audience", "audiences"),
                  ("thrive", "thrive"), ("access", "access"), ("group", "groups"))
ATTRIBUTE_TAXONOMIES = tuple(taxonomy for taxonomy, _ in ATTRIBUTE_KEYS)
ACCESS_ROUTES = ("self_referral", "parent", "professional", "gp", "school", "walk_in")
#: Services only for people in a particular situation. A person rarely says they are a young
#: carer or in care, so such services are shown after those open to anyone with the need.
ELIGIBILITY_GROUPS = {
    "young_carers": "young carers and young adult carers",
    "care_experienced": "children in care and care leavers",
    "youth_justice": "young people in contact with the police, courts or youth justice",
    "refugees": "young refugees and asylum seekers",
    "life_limiting_illness": "children with a life-limiting condition and their families",
}


def is_withheld(kind: str, status: str) -> bool:
    """Whether a contact detail's value must not be given out (only confirmed ones are)."""
    return status != CONFIRMED and kind in WITHHELD_UNLESS_CONFIRMED


def usable_contact(kind: str, status: str) -> bool:
    """Can the bot give this detail to someone? A confirmed one as it is; an unverified web
    address with "check the website"; an unverified number or email never (is_withheld)."""
    return not is_withheld(kind, status)


class Organisation(Base):
    __tablename__ = "organisation"

    id = Column(String(80), primary_key=True)
    name = Column(String(200), nullable=False)
    description = Column(Text, nullable=True)
    url = Column(String(300), nullable=True)
    #: For an organisation read from another ORUK feed: that feed's base URL and the
    #: organisation's id there, which the feed here republishes.
    feed_url = Column(String(500), nullable=True)
    feed_id = Column(String(36), nullable=True)

    services = relationship("Service", back_populates="organisation")


class Service(Base):
    __tablename__ = "service"

    id = Column(String(80), primary_key=True)
    organisation_id = Column(String(80), ForeignKey("organisation.id"), nullable=False)
    name = Column(String(200), nullable=False)
    summary = Column(String(160), nullable=False)
    description = Column(Text, nullable=False)
    url = Column(String(300), nullable=True)
    email = Column(String(200), nullable=True)
    status = Column(String(20), nullable=False, default="active")
    minimum_age = Column(Integer, nullable=True)
    maximum_age = Column(Integer, nullable=True)
    status_note = Column(Text, nullable=True)
    serves_adults = Column(Boolean, nullable=False, default=False)
    always_open = Column(Boolean, nullable=False, default=False)
    closed_bank_holidays = Column(Boolean, nullable=False, default=False)
    hours = Column(String(200), nullable=True)
    access_note = Column(Text, nullable=True)
    source = Column(String(500), nullable=False)
    assured_date = Column(Date, nullable=False)
    #: The date the source page shows (YYYY, YYYY-MM or YYYY-MM-DD); None: undated.
    source_date = Column(String(10), nullable=True)
    #: Earlier providers, newest first, as JSON: [{"organisation", "until", "source"}].
    provider_history = Column(Text, nullable=True)
    data_file = Column(String(200), nullable=False)
    #: For a service read from another ORUK feed (import-feed): the feed's base URL, the
    #: service's id there (republished as its id here), the last day the feed listed it, and
    #: the first day it was missing from the feed (None while it is listed).
    feed_url = Column(String(500), nullable=True, index=True)
    feed_id = Column(String(36), nullable=True)
    feed_last_seen = Column(Date, nullable=True)
    feed_missing_since = Column(Date, nullable=True)

    organisation = relationship("Organisation", back_populates="services")
    contacts = relationship(
        "Contact", back_populates="service", cascade="all, delete-orphan",
        order_by="Contact.position",
    )
    areas = relationship("ServiceArea", back_populates="service", cascade="all, delete-orphan")
    attributes = relationship(
        "ServiceAttribute", back_populates="service", cascade="all, delete-orphan"
    )
    #: The service's hours and, marked with a contact position, hours of single contacts.
    schedules = relationship("Schedule", back_populates="service", cascade="all, delete-orphan")

    def codes(self, taxonomy: str) -> list:
        return sorted(a.code for a in self.attributes if a.taxonomy == taxonomy)


class Contact(Base):
    __tablename__ = "contact"

    id = Column(Integer, primary_key=True, autoincrement=True)
    service_id = Column(String(80), ForeignKey("service.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    kind = Column(String(20), nullable=False)
    value = Column(String(300), nullable=False)
    keyword = Column(String(40), nullable=True)
    note = Column(String(200), nullable=True)
    hours = Column(String(200), nullable=True)
    source = Column(String(500), nullable=False)
    status = Column(String(20), nullable=False)
    assured_date = Column(Date, nullable=False)

    service = relationship("Service", back_populates="contacts")


class ServiceArea(Base):
    __tablename__ = "service_area"

    id = Column(Integer, primary_key=True, autoincrement=True)
    service_id = Column(String(80), ForeignKey("service.id", ondelete="CASCADE"), nullable=False)
    area = Column(String(40), nullable=False, index=True)
    district = Column(String(80), nullable=True)

    service = relationship("Service", back_populates="areas")


class ServiceAttribute(Base):
    __tablename__ = "service_attribute"

    id = Column(Integer, primary_key=True, autoincrement=True)
    service_id = Column(String(80), ForeignKey("service.id", ondelete="CASCADE"), nullable=False)
    taxonomy = Column(String(20), nullable=False)
    code = Column(String(60), nullable=False, index=True)

    service = relationship("Service", back_populates="attributes")


class Schedule(Base):
    """Weekly opening hours (ORUK ``schedule``) of a service, or of one of its contacts."""

    __tablename__ = "schedule"

    id = Column(Integer, primary_key=True, autoincrement=True)
    service_id = Column(String(80), ForeignKey("service.id", ondelete="CASCADE"), nullable=False)
    contact_position = Column(Integer, nullable=True)  # None: the service's own hours
    weekday = Column(Integer, nullable=False)  # 0 = Monday
    opens = Column(Integer, nullable=False)  # minutes after midnight, UK time
    closes = Column(Integer, nullable=False)  # 1440 = midnight; <= opens runs past midnight

    service = relationship("Service", back_populates="schedules")


class CatalogueVersion(Base):
    """One row, rewritten by every load, so that readers know when to refresh their cache."""

    __tablename__ = "catalogue_version"

    id = Column(Integer, primary_key=True)
    version = Column(String(64), nullable=False)
    loaded_at = Column(DateTime, nullable=False)
    services = Column(Integer, nullable=False)

