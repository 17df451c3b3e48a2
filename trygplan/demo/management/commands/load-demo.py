from django.core.management.base import BaseCommand

from trygplan.demo.services import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load Amager Partnerskab with its 2016 safety plan (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete and reload the demo partnership."
        )

    def handle(self, *args, reset=False, **options):
        partnership, created = demo_load(reset=reset)
        verb = "Loaded" if created else "Already loaded"
        self.stdout.write(self.style.SUCCESS(f"{verb}: {partnership.name} ({partnership.slug})"))
        users = partnership.memberships.select_related("user")
        if users.exists():
            self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD}):")
            for membership in users:
                self.stdout.write(
                    f"  {membership.user.username:15} {membership.get_role_display()}"
                )
            self.stdout.write("  admin           byens administrator")
