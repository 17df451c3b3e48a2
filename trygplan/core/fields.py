"""Model fields every module may use."""

from django import forms
from django.db import models

from trygplan.lib.small_numbers import PeopleCount


class ExactCountField(forms.IntegerField):
    """The form side of a `PeopleCountField`: the person typing sees and edits the real
    number, never "<5"."""

    def prepare_value(self, value):
        return int(value) if isinstance(value, PeopleCount) else value


class PeopleCountField(models.PositiveIntegerField):
    """A count of people: reads back as a `PeopleCount`, whose text is "<5" for 1-4, so no
    page or export can show a small count by accident (`lib.small_numbers`)."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else PeopleCount(value)

    def to_python(self, value):
        value = super().to_python(value)
        return None if value is None else PeopleCount(value)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ExactCountField, **kwargs})
