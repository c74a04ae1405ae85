"""Entity labels and event types as plain class attributes, for the stages' tests in every loop.

`EntityLabel.PERSON` is looked up through the enum's metaclass, which defines `__getattr__`: each
read costs about 0.4 µs, several times a plain class attribute, and the stages compare a label or a
type for every mention of a sentence at every trigger. `Label.PERSON` is the same member, read fast.
"""

from __future__ import annotations

from extractor.models import EntityLabel, EventType


class Label:
    """The members of `EntityLabel`."""

    PERSON = EntityLabel.PERSON
    TITLE = EntityLabel.TITLE
    ORG = EntityLabel.ORG
    COUNTRY = EntityLabel.COUNTRY
    LOCATION = EntityLabel.LOCATION
    DATE = EntityLabel.DATE
    MEETING = EntityLabel.MEETING


class Type:
    """The members of `EventType`."""

    SUMMIT = EventType.SUMMIT
    TALKS = EventType.TALKS
    STRATEGIC_DIALOGUE = EventType.STRATEGIC_DIALOGUE
    CONSULTATION = EventType.CONSULTATION
    PHONE_CALL = EventType.PHONE_CALL
    COURTESY_CALL = EventType.COURTESY_CALL
    VISIT = EventType.VISIT
    JOINT_STATEMENT = EventType.JOINT_STATEMENT
    STATEMENT = EventType.STATEMENT
    AGREEMENT = EventType.AGREEMENT
    CONFERENCE = EventType.CONFERENCE
