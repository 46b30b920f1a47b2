"""Import of a 300-line past palmarès (target: 5 s at most), on the bench database with the real référentiel.

Run: .venv/bin/python bench/bench_import_palmares.py
The palmarès is written from real communes and EPCI, in the press formats and with the usual traps (upper case
without accents, « St », article after the name, arobases before, département in words). Prints:
  index       loading the référentiel into the resolver's index (once per import)
  analyse     parsing and resolving the 300 lines (index already loaded)
  essai       `import_palmares FILE --annee 2013 --rapport R.csv` (dry run, everything included)
  import      the same with --apply, into a new édition or the demo's one (titles of later éditions recomputed)
  réimport    the same file again (nothing created, arobases compared)
Everything written is rolled back: the bench database is left as it was.
"""

import tempfile
from io import StringIO
from pathlib import Path

from commun import chrono, django_sur_base_bench

django_sur_base_bench()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402

from label.models import Edition  # noqa: E402
from palmares.importation import analyser_texte  # noqa: E402
from territoires.models import Commune, Epci  # noqa: E402
from territoires.resolution import Referentiel, sans_accents  # noqa: E402

ANNEE = 2013
LIGNES = 300
EPCI = 40
CIBLE = 5.0  # seconds


class Annulation(Exception):
    pass


def ligne_de_commune(rang, nom, departement, nom_departement):
    arobases = 1 + rang % 5
    if rang % 6 == 1:
        return f"{sans_accents(nom).upper()} ({departement}) {'@' * arobases}"
    if rang % 6 == 2 and nom.startswith("Saint-"):
        return f"St-{nom.removeprefix('Saint-')} ({departement}) {arobases}@"
    if rang % 6 == 3 and nom.split(" ")[0] in ("Le", "La", "Les"):
        article, reste = nom.split(" ", 1)
        return f"{reste} ({article}) ({departement}) {'@' * arobases}"
    if rang % 6 == 4:
        return f"{'@' * arobases} {nom} ({departement})"
    if rang % 6 == 5:
        return f"{nom} ({nom_departement}) {arobases} arobases"
    return f"{nom} ({departement}) {'@' * arobases}"


def ecrire_palmares(chemin):
    """A press-like list: a heading, LIGNES - EPCI communes spread over France, EPCI with abbreviations."""
    communes = list(
        Commune.objects.actuelles()
        .filter(population__gte=3000)
        .order_by("code_insee")
        .values_list("nom", "departement__code", "departement__nom")
    )
    pas = max(1, len(communes) // (LIGNES - EPCI))
    lignes = ["Palmarès du label 2013", ""]
    for rang, (nom, departement, nom_departement) in enumerate(communes[::pas][: LIGNES - EPCI]):
        lignes.append(ligne_de_commune(rang, nom, departement, nom_departement))
    epcis = list(Epci.objects.order_by("siren").values_list("nom", "departement__code"))
    for rang, (nom, departement) in enumerate(epcis[:: max(1, len(epcis) // EPCI)][:EPCI]):
        court = nom.replace("Communauté de communes", "CC").replace("Communauté d'agglomération", "CA")
        lignes.append(f"{court} ({departement}) {'@' * (1 + rang % 5)}")
    chemin.write_text("\n".join(lignes) + "\n", encoding="utf-8")
    return len(lignes)


def commande(*args):
    sortie = StringIO()
    call_command("import_palmares", *args, stdout=sortie)
    return sortie.getvalue().strip().splitlines()


def main():
    with tempfile.TemporaryDirectory() as dossier:
        chemin = Path(dossier) / "palmares-2013.txt"
        total = ecrire_palmares(chemin)
        rapport_csv = str(Path(dossier) / "rapport.csv")
        demo = Edition.objects.filter(annee=ANNEE).exists()
        print(
            f"Palmarès de {total} lignes ({LIGNES} collectivités), édition {ANNEE} {'de la démo' if demo else 'à créer'}"
        )

        duree, referentiel = chrono(Referentiel.charger, repetitions=3)
        print(f"  index     {duree:6.2f} s")
        texte = chemin.read_text(encoding="utf-8")
        duree, rapport = chrono(lambda: analyser_texte(texte, referentiel), repetitions=3)
        print(f"  analyse   {duree:6.2f} s   {rapport.texte_resume()}")
        duree, sortie = chrono(lambda: commande(str(chemin), "--annee", str(ANNEE), "--rapport", rapport_csv))
        print(f"  essai     {duree:6.2f} s")

        resultats = {}
        try:
            with transaction.atomic():
                args = [str(chemin), "--annee", str(ANNEE), "--apply", "--ignorer-non-resolus"]
                resultats["import"] = chrono(lambda: commande(*args))
                resultats["réimport"] = chrono(lambda: commande(*args))
                raise Annulation
        except Annulation:
            pass
        for nom, (duree, sortie) in resultats.items():
            print(f"  {nom:9} {duree:6.2f} s   {sortie[-1]}")
        pire = max(duree for duree, _ in resultats.values())
        print(
            f"Cible : {CIBLE:.0f} s au plus pour importer {LIGNES} lignes : {'atteinte' if pire <= CIBLE else 'MANQUÉE'}."
        )


main()
