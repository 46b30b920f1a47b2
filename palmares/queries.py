"""The rows of a published palmarès, read in a constant number of queries.

An édition has a few hundred labelled collectivités: the page reads them all once, then filters and
sorts the rows in Python, so that the figures at the top, the filters and the table agree on the same
values (a territoire's département is its EPCI's, a syndicat's population the sum of its communes).
"""

import unicodedata
from dataclasses import dataclass

from django.db.models import Prefetch

from label.enums import Categorie
from label.models import Labellisation, Mention
from territoires.models import Departement, Region


def labellisations_du_palmares(edition):
    """Published labellisations of `edition` with everything a palmarès row shows.

    Queries: the labellisations with collectivité, commune/EPCI, département and région (1), their
    mentions with their catégorie (1), the member communes of syndicats (1, for a syndicat's population).
    """
    return (
        Labellisation.objects.publiees()
        .avec_territoire()
        .filter(edition=edition)
        .prefetch_related(
            Prefetch("mentions", queryset=Mention.objects.select_related("categorie").order_by("categorie__nom")),
            "collectivite__membres",
        )
    )


def cle_alphabetique(texte):
    """Sort key ignoring case and accents: « Épinal » sorts with the E."""
    return unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode().casefold()


@dataclass(frozen=True)
class LignePalmares:
    labellisation: Labellisation
    nom: str
    url: str
    categorie: str
    categorie_libelle: str
    departement: Departement | None
    region: Region | None
    population: int | None
    arobases: int
    arobase_verte: bool
    mentions: list[str]
    titre_excellence: bool

    @classmethod
    def depuis(cls, labellisation):
        collectivite = labellisation.collectivite
        departement = collectivite.departement
        mentions = list(labellisation.mentions.all())
        return cls(
            labellisation=labellisation,
            nom=collectivite.nom,
            url=collectivite.get_absolute_url(),
            categorie=labellisation.categorie,
            categorie_libelle=Categorie(labellisation.categorie).label,
            departement=departement,
            region=departement.region if departement else None,
            population=collectivite.population,
            arobases=labellisation.arobases,
            arobase_verte=any(mention.categorie.arobase_verte for mention in mentions),
            mentions=[mention.categorie.nom for mention in mentions],
            titre_excellence=labellisation.titre_excellence,
        )


def lignes_du_palmares(edition):
    return [LignePalmares.depuis(labellisation) for labellisation in labellisations_du_palmares(edition)]


# Sort keys of the `tri` parameter; a row whose value is unknown (None) always comes last.
CLES_DE_TRI = {
    "nom": lambda ligne: cle_alphabetique(ligne.nom),
    "categorie": lambda ligne: ligne.categorie_libelle,
    "departement": lambda ligne: ligne.departement.code if ligne.departement else None,
    "region": lambda ligne: cle_alphabetique(ligne.region.nom) if ligne.region else None,
    "population": lambda ligne: ligne.population,
    "arobases": lambda ligne: ligne.arobases,
}
TRI_PAR_DEFAUT = "-arobases"


def tri_valide(tri):
    """The `tri` parameter if it names a sort (« nom », « -arobases »…), else the default one."""
    if isinstance(tri, str) and tri.removeprefix("-") in CLES_DE_TRI:
        return tri
    return TRI_PAR_DEFAUT


def trier(lignes, tri):
    """Sort rows by `tri` (« -population »: descending), then by name."""
    tri = tri_valide(tri)
    cle = CLES_DE_TRI[tri.removeprefix("-")]
    par_nom = sorted(lignes, key=CLES_DE_TRI["nom"])
    connues = [ligne for ligne in par_nom if cle(ligne) is not None]
    inconnues = [ligne for ligne in par_nom if cle(ligne) is None]
    # sorted() is stable, also in reverse: equal values stay in name order.
    return sorted(connues, key=cle, reverse=tri.startswith("-")) + inconnues


def filtrer(lignes, *, arobases=None, categorie="", region="", departement=""):
    """Keep the rows matching every given filter (empty filters are ignored)."""
    if arobases:
        lignes = [ligne for ligne in lignes if ligne.arobases == arobases]
    if categorie:
        lignes = [ligne for ligne in lignes if ligne.categorie == categorie]
    if region:
        lignes = [ligne for ligne in lignes if ligne.region and ligne.region.code == region]
    if departement:
        lignes = [ligne for ligne in lignes if ligne.departement and ligne.departement.code == departement]
    return lignes


def lignes_presse(lignes):
    """The palmarès as the press prints it: [(région, [(département, ["Nom (dépt) @@@", …])])].

    Grouped by région (alphabetical) then département (by code), each group sorted by arobases then name. A
    territoire without a département (a syndicat) comes last, in a group of its own, without the parentheses.
    """
    groupes = {}
    for ligne in lignes:
        groupes.setdefault(ligne.region, {}).setdefault(ligne.departement, []).append(ligne)
    blocs = []
    for region in sorted(groupes, key=lambda region: (region is None, cle_alphabetique(region.nom) if region else "")):
        departements = []
        for departement in sorted(groupes[region], key=lambda d: (d is None, d.code if d else "")):
            membres = sorted(
                groupes[region][departement], key=lambda ligne: (-ligne.arobases, cle_alphabetique(ligne.nom))
            )
            departements.append(
                (
                    f"{departement.nom} ({departement.code})" if departement else "Sans département",
                    [ligne_presse(ligne) for ligne in membres],
                )
            )
        blocs.append((region.nom if region else "Autres territoires", departements))
    return blocs


def ligne_presse(ligne):
    """« Saint-Amand-les-Eaux (59) @@ »; a collectivité without département: « Syndicat du Pays @@ »."""
    arobases = "@" * ligne.arobases
    if ligne.departement:
        return f"{ligne.nom} ({ligne.departement.code}) {arobases}"
    return f"{ligne.nom} {arobases}"


def texte_presse(blocs, titre):
    """The copyable text: the title, then each région in capitals, each département, one line per collectivité."""
    morceaux = [titre]
    for region, departements in blocs:
        morceaux.append(f"\n\n{region.upper()}")
        for departement, lignes in departements:
            morceaux.append(f"\n\n{departement}\n" + "\n".join(lignes))
    return "".join(morceaux) + "\n"
