"""The magazine's forms: a story (title, text, photos of its source), an issue (number,
date, news, and each story's place in it), and the chooser of a story's source."""

from django import forms
from django.utils.translation import gettext_lazy as _

from trygplan.core.forms import StyledMixin

from . import sources
from .models import Issue, Story

MAX_STORIES = 20


class SourceForm(StyledMixin, forms.Form):
    kilde = forms.ChoiceField(label=_("Skriv en historie ud fra"))

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kilde"].choices = [
            ("", _("Vælg et arrangement, en vandring eller et fund"))
        ] + [(group, options) for group, options in sources.choices(partnership) if options]
        self.style_widgets()


class StoryForm(StyledMixin, forms.ModelForm):
    photos = forms.MultipleChoiceField(
        label=_("Billeder"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-checkbox"}),
        help_text=_("Kun billeder, som de genkendelige har givet samtykke til, kan vælges."),
    )

    class Meta:
        model = Story
        fields = ["title", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {c.key: c for c in sources.candidates(self.instance)}
        if self.candidates:
            self.fields["photos"].choices = [(k, c.caption) for k, c in self.candidates.items()]
            if self.instance.pk:
                self.initial["photos"] = [
                    f"event-{p.event_photo_id}"
                    if p.event_photo_id
                    else f"finding-{p.finding_photo_id}"
                    for p in self.instance.photos.all()
                ]
        else:
            del self.fields["photos"]
        self.style_widgets()

    def chosen_photos(self) -> list:
        return [self.candidates[key].photo for key in self.cleaned_data.get("photos") or []]


class IssueForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = Issue
        fields = ["year", "number", "issue_date", "news"]
        widgets = {
            "issue_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "news": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, stories, **kwargs):
        super().__init__(*args, **kwargs)
        placed = {}
        if self.instance.pk:
            placed = {row.story_id: row.order for row in self.instance.rows.all()}
        self.stories = list(stories)
        for story in self.stories:
            self.fields[f"story_{story.pk}"] = forms.IntegerField(
                label=_("Placering af “%(title)s”") % {"title": story.title},
                required=False,
                min_value=1,
                max_value=MAX_STORIES,
                initial=placed.get(story.pk),
                help_text=_("Tom: ikke med i bladet."),
                error_messages={
                    "min_value": _("Skriv 1 for den første historie, 2 for den næste …"),
                    "max_value": _("Et blad har højst %(limit_value)s historier."),
                },
            )
        if self.instance.is_published:
            for name in ("year", "number"):
                self.fields[name].disabled = True
        self.style_widgets()

    def clean(self):
        cleaned = super().clean()
        self._check_number(cleaned)
        used = {}
        for story in self.stories:
            place = cleaned.get(f"story_{story.pk}")
            if place is None:
                continue
            if place in used:
                self.add_error(
                    f"story_{story.pk}",
                    _("Placering %(place)s er allerede givet til “%(title)s”.")
                    % {"place": place, "title": used[place].title},
                )
            used[place] = story
        if not used and self.instance.is_published:
            self.add_error(None, _("Et udgivet blad skal have mindst én historie."))
        return cleaned

    def _check_number(self, cleaned) -> None:
        year, number = cleaned.get("year"), cleaned.get("number")
        taken = Issue.private_objects.filter(
            partnership=self.instance.partnership, year=year, number=number
        ).exclude(pk=self.instance.pk)
        if year and number and taken.exists():
            self.add_error(
                "number",
                _("Der er allerede et beboerblad nr. %(number)s i %(year)s.")
                % {"number": number, "year": year},
            )

    def placed_stories(self) -> list:
        """The chosen stories, in their order."""
        chosen = [
            (self.cleaned_data[f"story_{s.pk}"], s)
            for s in self.stories
            if self.cleaned_data.get(f"story_{s.pk}") is not None
        ]
        return [story for _place, story in sorted(chosen, key=lambda item: item[0])]
