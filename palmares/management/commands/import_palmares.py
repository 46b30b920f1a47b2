"""import_palmares: bring a past palmarès in, after checking that every line designates one collectivité."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from palmares.importation import (
    AMBIGU,
    NON_RESOLU,
    FichierInvalide,
    ImportImpossible,
    analyser,
    importer_palmares,
    lire_fichier,
)
from territoires.models import Commune
from territoires.resolution import Referentiel


class Command(BaseCommand):
    help = (
        "Lit un palmarès (texte comme dans la presse, CSV ou XLSX), rattache chaque ligne à une commune (code "
        "INSEE) ou un EPCI (SIREN) du référentiel et affiche le bilan. Sans --apply, rien n'est écrit. "
        "Avec --apply, tout est importé en une transaction, seulement si aucune ligne n'est ambiguë ou non "
        "résolue (ou avec --ignorer-non-resolus). Une édition créée n'est jamais publiée : son numéro suit "
        "l'édition la plus proche (sinon année - 1999 : 2026 → 27ᵉ) et sa date de publication reste vide."
    )

    def add_arguments(self, parser):
        parser.add_argument("fichier", help="Fichier .txt, .csv ou .xlsx.")
        parser.add_argument("--annee", type=int, required=True, help="Année du label (ex. 2012).")
        parser.add_argument("--rapport", help="Écrire le rapport (CSV, UTF-8) dans ce fichier.")
        parser.add_argument("--apply", action="store_true", help="Importer (sinon : essai à blanc).")
        parser.add_argument(
            "--ignorer-non-resolus",
            action="store_true",
            help="Avec --apply : importer les lignes résolues et laisser de côté les ambiguës et non résolues.",
        )
        parser.add_argument("--region", help="Toute la liste vient de cette région (code ou nom).")
        parser.add_argument("--departement", help="Toute la liste vient de ce département (code ou nom).")
        parser.add_argument("--numero", type=int, help="Numéro de l'édition si elle est créée.")

    def handle(self, *args, **options):
        debut = time.perf_counter()
        chemin = Path(options["fichier"])
        if not chemin.is_file():
            raise CommandError(f"Fichier introuvable : {chemin}")
        if not 1999 <= options["annee"] <= 2100:
            raise CommandError("L'année du label doit être comprise entre 1999 et 2100.")
        if not Commune.objects.exists():
            raise CommandError("Le référentiel est vide : lancez d'abord « manage.py import_territoires ».")
        try:
            sorte, contenu = lire_fichier(chemin.name, chemin.read_bytes())
        except FichierInvalide as erreur:
            raise CommandError(str(erreur)) from erreur

        referentiel = Referentiel.charger()
        try:
            rapport = analyser(
                sorte, contenu, referentiel, departement=options["departement"], region=options["region"]
            )
        except ValueError as erreur:
            raise CommandError(str(erreur)) from erreur

        if options["rapport"]:
            with open(options["rapport"], "w", encoding="utf-8", newline="") as flux:
                rapport.ecrire_csv(flux)
            self.stdout.write(f"Rapport écrit dans {options['rapport']}.")
        for ligne in rapport.lignes:
            if ligne.statut in (AMBIGU, NON_RESOLU):
                candidats = f" [{ligne.candidats_texte}]" if ligne.candidats else ""
                self.stdout.write(
                    f"  ligne {ligne.ligne} ({ligne.statut}) « {ligne.texte} » : {ligne.motif}{candidats}"
                )
        self.stdout.write(rapport.texte_resume())

        if not options["apply"]:
            self.stdout.write(f"Essai à blanc : rien n'a été écrit (--apply pour importer). {self._duree(debut)}")
            return
        try:
            bilan = importer_palmares(
                annee=options["annee"],
                lignes=rapport.lignes,
                ignorer_non_resolus=options["ignorer_non_resolus"],
                numero=options["numero"],
            )
        except ImportImpossible as erreur:
            raise CommandError(f"{erreur} Corrigez le fichier, ou utilisez --ignorer-non-resolus.") from erreur
        for ligne in bilan.laissees_de_cote:
            self.stdout.write(f"  laissée de côté : ligne {ligne.ligne} « {ligne.texte} » ({ligne.statut})")
        self.stdout.write(self.style.SUCCESS(bilan.texte()) + f" {self._duree(debut)}")

    @staticmethod
    def _duree(debut):
        return f"({time.perf_counter() - debut:.1f} s)".replace(".", ",")
