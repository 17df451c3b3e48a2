"""The input rules every form shares (core.forms.StyledMixin): control characters are
dropped before any field sees them, free text has a length limit, kroner have a cap."""

import pytest
from django import forms
from django.http import QueryDict

from trygplan.core.forms import TEXT_MAX_LENGTH, KronerField, StyledMixin


class NoteForm(StyledMixin, forms.Form):
    title = forms.CharField(max_length=50)
    note = forms.CharField(required=False, widget=forms.Textarea)
    amount = KronerField(required=False)
    key = forms.UUIDField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.style_widgets()


def test_control_characters_are_dropped_but_tabs_and_newlines_kept():
    form = NoteForm({"title": "Lys\x0bi\x00 passagen\x1f", "note": "linje 1\r\n\tlinje 2\x0c"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "Lysi passagen"
    assert form.cleaned_data["note"] == "linje 1\r\n\tlinje 2"


def test_a_querydict_keeps_every_value_of_a_key():
    data = QueryDict(mutable=True)
    data.setlist("title", ["a\x0b", "b"])
    form = NoteForm(data)
    form.full_clean()
    assert form.data.getlist("title") == ["a", "b"]


def test_free_text_has_a_length_limit_with_a_danish_message():
    form = NoteForm({"title": "x", "note": "x" * (TEXT_MAX_LENGTH + 1)})
    assert not form.is_valid()
    assert "højst" in form.errors["note"][0]
    assert NoteForm({"title": "x", "note": "x" * TEXT_MAX_LENGTH}).is_valid()


def test_the_limit_is_shown_in_the_html():
    assert f'maxlength="{TEXT_MAX_LENGTH}"' in str(NoteForm()["note"])


def test_fields_that_are_not_text_get_no_length_validator():
    form = NoteForm(
        {"title": "x", "amount": "150.000", "key": "9b7e2e7c-6f0e-4d5b-9d1f-1f4c8b9a0c11"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == 150_000


@pytest.mark.parametrize("amount", ["9" * 4300, "2.000.000.000.000"])
def test_an_enormous_amount_is_a_danish_message(amount):
    form = NoteForm({"title": "x", "amount": amount})
    assert not form.is_valid()
    assert form.errors["amount"] == ["Beløbet er for stort. Det kan højst være 999.999.999.999 kr."]


def test_a_field_with_a_smaller_cap_says_so():
    class PoolForm(StyledMixin, forms.Form):
        amount = KronerField(max_value=1_000_000_000)

    form = PoolForm({"amount": "1.000.000.001"})
    assert form.errors["amount"] == ["Beløbet er for stort. Det kan højst være 1.000.000.000 kr."]
