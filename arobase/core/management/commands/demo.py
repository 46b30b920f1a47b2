import time

from django.core.management.base import BaseCommand, CommandError

from campagne.demo import campagne_demo_presente, construire_campagne_demo, supprimer_campagne_demo
from deliberation.demo import construire_deliberation_demo, deliberation_demo_presente, supprimer_deliberation_demo
from fiches.demo import construire_fiches_demo
from fiches.models import FicheAction
from label.demo import construire_demo
from label.models import Edition, Labellisation


class Command(BaseCommand):
    help = (
        "Construit les données de démonstration : 27 éditions fictives du label (1999-2026) sur les vrais "
        "territoires, une édition 2026 à l'image du communiqué de presse, et environ 15 000 fiches actions publiées."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Graine du hasard (même graine, mêmes données).")
        parser.add_argument(
            "--si-absente", action="store_true", help="Ne fait rien si des données de démonstration existent déjà."
        )

    def handle(self, *args, seed, si_absente, **options):
        debut = time.monotonic()

        def progression(message):
            self.stdout.write(f"  [{time.monotonic() - debut:5.1f} s] {message}")

        if si_absente and Edition.objects.filter(donnees_demo=True).exists():
            nombre = Labellisation.objects.filter(edition__donnees_demo=True).count()
            if FicheAction.objects.exists():
                if not campagne_demo_presente():  # a demo built before the campaign existed: add it only
                    self.stdout.write(
                        f"Données de démonstration déjà présentes ({nombre} labellisations), sans campagne :"
                    )
                    self.ecrire_campagne(construire_campagne_demo(seed=seed, progression=progression))
                    self.ecrire_deliberation(construire_deliberation_demo(seed=seed, progression=progression))
                    return
                if not deliberation_demo_presente():  # a demo built before the deliberation existed: add it only
                    self.stdout.write(
                        f"Données de démonstration déjà présentes ({nombre} labellisations), sans délibération :"
                    )
                    self.ecrire_deliberation(construire_deliberation_demo(seed=seed, progression=progression))
                    return
                self.stdout.write(f"Données de démonstration déjà présentes ({nombre} labellisations) : rien à faire.")
                return
            # A demo built before the observatory existed: add its fiches only.
            self.stdout.write(f"Données de démonstration déjà présentes ({nombre} labellisations), sans fiches :")
            self.ecrire_fiches(construire_fiches_demo(seed=seed, progression=progression))
            if not campagne_demo_presente():
                self.ecrire_campagne(construire_campagne_demo(seed=seed, progression=progression))
                self.ecrire_deliberation(construire_deliberation_demo(seed=seed, progression=progression))
            return

        try:
            supprimer_deliberation_demo()  # evaluations and decisions hold on to the candidatures
            supprimer_campagne_demo()  # its candidatures hold on to the demo éditions that are rebuilt
            resume = construire_demo(seed=seed, progression=progression)
            fiches = construire_fiches_demo(seed=seed, progression=progression)
            campagne = construire_campagne_demo(seed=seed, progression=progression)
            deliberation = construire_deliberation_demo(seed=seed, progression=progression)
        except ValueError as erreur:
            raise CommandError(str(erreur)) from erreur
        duree = time.monotonic() - debut
        cumul = sum(resume.totaux.values())
        self.stdout.write(self.style.SUCCESS(f"Démo construite en {duree:.1f} s".replace(".", ",")))
        self.stdout.write(
            f"  {len(resume.totaux)} éditions, {cumul} labellisations, {resume.collectivites} collectivités"
        )
        self.stdout.write(
            f"  {resume.mentions} mentions, {sum(resume.titres.values())} titres d'excellence {resume.titres}"
        )
        habitants = f"{resume.habitants_2026:,}".replace(",", "\u202f")
        self.stdout.write(
            f"  2026 : {resume.totaux[2026]} labellisées, territoires regroupant {resume.communes_2026} communes, "
            f"{habitants} habitants concernés"
        )
        self.ecrire_fiches(fiches)
        self.ecrire_campagne(campagne)
        self.ecrire_deliberation(deliberation)

    def ecrire_deliberation(self, resume):
        self.stdout.write(
            f"  Délibération 2027 (campagne close le 15 novembre 2026 à 23:59) : {resume.soumis} dossiers soumis, "
            f"jury de {resume.jures} personnes et {resume.experts} experts, {resume.evaluations} évaluations soumises "
            f"({resume.brouillons} en brouillon, {resume.desaccords} désaccords d'au moins 2 @), "
            f"{resume.decisions} décisions en brouillon ; rien de publié"
        )

    def ecrire_campagne(self, campagne):
        self.stdout.write(
            f"  Campagne {campagne.annee} : {campagne.questionnaires} questionnaires, "
            f"candidatures {campagne.texte_statuts}"
        )

    def ecrire_fiches(self, fiches):
        self.stdout.write(
            f"  {lisible(fiches.total)} fiches actions publiées par {fiches.collectivites} collectivités, dont "
            f"{lisible(fiches.par_derniere)} par les {fiches.collectivites_derniere} labellisées {fiches.annee} "
            f"et {lisible(fiches.nouvelles)} nouvelles pour {fiches.annee}"
        )


def lisible(n):
    return f"{n:,}".replace(",", "\u202f")
