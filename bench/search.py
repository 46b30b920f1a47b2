"""Speed of the fiches search (fiches.search.rechercher) on SQLite and PostgreSQL, at 15,000 and 150,000 fiches.

Run: .venv/bin/python bench/search.py [--moteur sqlite|postgresql] [--tailles 15000,150000]

Each engine runs in its own process, on a scratch database: bench/recherche.sqlite3 (gitignored) and the
PostgreSQL database arobase_bench_search on 127.0.0.1 (created, then dropped at the end). The fiches are
generated from a small French vocabulary per enjeu, on real communes (import_territoires), with a published
2026 label. A fixed list of 200 queries (common and rare words, accents, prefixes, phrases, facets, sort by
date, later pages) goes through rechercher(); each query is timed (median of 3 runs) and so is the engine's
query alone (FTS5 MATCH … ORDER BY bm25(…) LIMIT 20 / tsquery (fiches_tsquery()) … ORDER BY ts_rank LIMIT 20) on the
same words.
Printed: p50 and p95 of both, and their ratio; also the engine's query with the page's facet filters as plain
subqueries (7 queries out of 10 have some), and the ratio to it: what the search adds to engine and filters. For information, the facet counts (calculer_facettes) are timed
on the same 200 queries, and the whole page /fiches/ (search, facets, rendering) on 20 of them: first with the
facet cache emptied before each run (the first visitor of a page), then with the counts in the cache. Targets: p95 ≤ 50 ms at 15,000 and ≤ 150 ms at 150,000; ratio ≤ 1.5.
"""

import argparse
import functools
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
BASE_SQLITE = RACINE / "bench" / "recherche.sqlite3"
BASE_PG = "arobase_bench_search"
PG = ["-h", "127.0.0.1", "-U", "postgres"]

# ---------------------------------------------------------------------------------------------------
# Vocabulary: a few subjects per enjeu, shared words, rare words.
# ---------------------------------------------------------------------------------------------------

SUJETS = {
    "Services publics": [
        "démarches en ligne",
        "guichet unique",
        "paiement en ligne",
        "prise de rendez-vous",
        "état civil dématérialisé",
        "signalement des incidents",
    ],
    "Démocratie locale": [
        "budget participatif",
        "consultation citoyenne",
        "retransmission du conseil municipal",
        "pétition en ligne",
        "conseil des jeunes",
        "données ouvertes",
    ],
    "Coopération": [
        "mutualisation des logiciels",
        "groupement de commandes",
        "coopération intercommunale",
        "jumelage numérique",
        "réseau des secrétaires de mairie",
    ],
    "Identité": [
        "site internet de la commune",
        "application mobile",
        "lettre d'information",
        "réseaux sociaux",
        "charte graphique",
    ],
    "Vie quotidienne": [
        "transport à la demande",
        "stationnement intelligent",
        "éclairage public connecté",
        "collecte des déchets",
        "cantine scolaire",
    ],
    "Solidarités": [
        "aide aux aidants",
        "portage de repas",
        "téléassistance des aînés",
        "lutte contre l'isolement",
        "accès aux droits",
    ],
    "Vie associative": [
        "annuaire des associations",
        "réservation des salles",
        "forum des associations",
        "plateforme de bénévolat",
    ],
    "Cohésion sociale": [
        "maison de quartier",
        "fête de quartier",
        "médiation sociale",
        "jardins partagés",
        "repair café",
    ],
    "Éducation": [
        "école numérique",
        "tablettes en classe",
        "environnement numérique de travail",
        "robotique à l'école",
        "classes connectées",
        "collège",
    ],
    "Culture": ["médiathèque", "musée virtuel", "bibliothèque numérique", "festival", "ludothèque"],
    "Patrimoine": [
        "visite virtuelle",
        "numérisation des archives",
        "patrimoine en réalité augmentée",
        "inventaire du patrimoine",
    ],
    "Médiation": [
        "médiation numérique",
        "espace public numérique",
        "conseillers numériques",
        "ateliers d'initiation",
        "inclusion numérique",
        "aidants numériques",
    ],
    "Emploi": [
        "atelier de recherche d'emploi",
        "job dating",
        "insertion professionnelle",
        "formation des demandeurs d'emploi",
    ],
    "Développement économique": [
        "tiers-lieu",
        "espace de coworking",
        "commerce en ligne",
        "marché local",
        "pépinière d'entreprises",
    ],
    "Attractivité": [
        "office de tourisme",
        "fibre optique",
        "très haut débit",
        "couverture mobile",
        "marketing territorial",
    ],
    "Innovation": [
        "laboratoire d'innovation",
        "capteurs connectés",
        "jumeau numérique",
        "intelligence artificielle",
        "logiciels libres",
    ],
}
PUBLICS = [
    "les seniors",
    "les familles",
    "les jeunes",
    "les habitants",
    "les agents",
    "les élus",
    "les associations",
    "les commerçants",
    "les écoliers",
    "les demandeurs d'emploi",
]
ACTIONS = [
    "Mise en place",
    "Création",
    "Déploiement",
    "Lancement",
    "Ouverture",
    "Développement",
    "Animation",
    "Refonte",
]
PHRASES = [
    "La commune a choisi d'accompagner {public} avec {sujet}.",
    "Le projet de {sujet} est né d'une demande des habitants.",
    "Un agent anime chaque semaine des ateliers autour de {sujet}.",
    "Les services municipaux ont travaillé avec les partenaires pour {public}.",
    "L'équipe a d'abord testé {sujet} dans un quartier avant de généraliser.",
    "Le conseil municipal a voté un budget pour {sujet}.",
    "Plus de {nombre} personnes ont profité de {sujet} la première année.",
    "Les retours de {public} ont permis d'améliorer {sujet}.",
    "Des équipements numériques ont été achetés et installés à la mairie.",
    "Une convention a été signée avec le département et la région.",
    "Les données sont publiées sous licence ouverte.",
    "La formation des agents a pris plus de temps que prévu.",
]
RECOMMANDATIONS = [
    "Commencer petit et associer les usagers dès le départ.",
    "Prévoir du temps d'animation, pas seulement du matériel.",
    "Choisir des logiciels libres pour garder la maîtrise.",
    "Communiquer largement dans le bulletin municipal.",
    "Mesurer la fréquentation pour convaincre les élus.",
]
RARES = [
    "fablab",
    "hackathon",
    "chatbot",
    "drone",
    "blockchain",
    "podcast",
    "escape game",
    "géocaching",
    "imprimante 3D",
    "cartopartie",
]
OUTILS = [
    "tablettes",
    "ordinateurs reconditionnés",
    "logiciels libres",
    "Nextcloud",
    "OpenStreetMap",
    "visioconférence",
    "bornes interactives",
    "Wi-Fi public",
]
PARTENAIRES = [
    "association Emmaüs Connect",
    "centre social",
    "La Poste",
    "département",
    "région",
    "CAF",
    "Pôle emploi",
    "médiathèque intercommunale",
]


def texte_de_fiche(hasard, enjeu):
    sujet = hasard.choice(SUJETS[enjeu])
    public = hasard.choice(PUBLICS)

    def phrases(nombre):
        choix = hasard.sample(PHRASES, nombre)
        return " ".join(
            p.format(public=hasard.choice(PUBLICS), sujet=hasard.choice(SUJETS[enjeu]), nombre=hasard.randint(20, 900))
            for p in choix
        )

    rare = f" Un {hasard.choice(RARES)} a aussi été organisé." if hasard.random() < 0.03 else ""
    return {
        "titre": f"{hasard.choice(ACTIONS)} : {sujet} pour {public}",
        "sous_titre": f"{sujet.capitalize()} à destination de {public}",
        "synthese": phrases(3) + rare,
        "realisation": phrases(4),
        "resultats": phrases(2),
        "recommandations": " ".join(hasard.sample(RECOMMANDATIONS, 2)),
        "outils": ", ".join(hasard.sample(OUTILS, 2)),
        "partenaires": ", ".join(hasard.sample(PARTENAIRES, 2)),
    }


# ---------------------------------------------------------------------------------------------------
# Queries: 200, fixed.
# ---------------------------------------------------------------------------------------------------

COURANTS = [
    "numérique",
    "ateliers",
    "habitants",
    "commune",
    "médiation",
    "services",
    "agents",
    "données",
    "projet",
    "école",
    "formation",
    "quartier",
    "budget",
    "mairie",
    "association",
]
ACCENTS = [
    "mediation",
    "ecole",
    "numerique",
    "equipements",
    "elus",
    "aines",
    "bibliotheque",
    "reseaux sociaux",
    "telephonie",
    "theatre",
]
PREFIXES = ["numér", "média", "parti", "écol", "biblio", "tiers", "conseil", "forma"]
EXPRESSIONS = [
    "ateliers numériques seniors",
    "budget participatif",
    '"espace public numérique"',
    '"conseil municipal"',
    "tiers-lieu coworking",
    "transport à la demande",
    "l'école numérique",
    "logiciels libres",
    "fibre optique très haut débit",
    "visite virtuelle patrimoine",
    "médiation -sociale",
    "école OU collège",
    "jumeau numérique",
    "repair café",
    "inclusion numérique aidants",
]
FACETTES = [
    {},
    {},
    {},
    {"categorie": ["village"]},
    {"arobases": ["5"]},
    {"region": ["84"]},
    {"departement": ["21"]},
    {"population": ["moins-de-500", "500-1999"]},
    {"annee": ["2025"]},
    {"nouvelle": ["2026"]},
]


def requetes(enjeux, hasard):
    """200 (text, facets, sort, page) — the same every run for a given seed."""
    mots = COURANTS + ACCENTS + PREFIXES + EXPRESSIONS + RARES
    liste = []
    for rang in range(200):
        texte = mots[rang % len(mots)]
        facettes = dict(FACETTES[rang % len(FACETTES)])
        if rang % 7 == 3:
            facettes["enjeu"] = [str(hasard.choice(enjeux))]
        tri = "date" if rang % 5 == 4 else "pertinence"
        page = 3 if rang % 11 == 10 else 1
        liste.append((texte, facettes, tri, page))
    return liste


# ---------------------------------------------------------------------------------------------------
# One engine (child process)
# ---------------------------------------------------------------------------------------------------


def preparer_django(moteur):
    sys.path.insert(0, str(RACINE))
    if moteur == "sqlite":
        for fichier in RACINE.glob("bench/recherche.sqlite3*"):
            fichier.unlink()
        os.environ["SQLITE_PATH"] = str(BASE_SQLITE)
        os.environ.pop("DATABASE_URL", None)
    else:
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{BASE_PG}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arobase.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("import_territoires", "--si-necessaire", verbosity=0)


def creer_collectivites(hasard):
    import datetime as dt

    from label.enums import Categorie
    from label.models import Collectivite, Edition, Labellisation
    from territoires.models import Commune, Epci

    communes = list(Commune.objects.actuelles().filter(population__isnull=False).order_by("code_insee"))
    communes = hasard.sample(communes, 2000)
    collectivites = [
        Collectivite(
            code=c.code_insee,
            nom=c.nom,
            slug=c.code_insee,
            commune=c,
            categorie=Categorie.VILLAGE if c.population < 3000 else Categorie.VILLE,
        )
        for c in communes
    ]
    epcis = hasard.sample(list(Epci.objects.order_by("siren")), 100)
    collectivites += [
        Collectivite(code=e.siren, nom=e.nom, slug=e.siren, epci=e, categorie=Categorie.TERRITOIRE) for e in epcis
    ]
    collectivites = Collectivite.objects.bulk_create(collectivites)
    edition = Edition.objects.create(
        annee=2026,
        numero=27,
        publication_at=dt.datetime(2026, 1, 29, 18, tzinfo=dt.UTC),
        campagne_ouverture=dt.date(2025, 3, 1),
        campagne_cloture=dt.datetime(2025, 11, 15, 23, tzinfo=dt.UTC),
    )
    Labellisation.objects.bulk_create(
        Labellisation(edition=edition, collectivite=c, categorie=c.categorie, arobases=hasard.randint(1, 5))
        for c in collectivites
    )
    return collectivites


def creer_fiches(hasard, collectivites, nombre):
    import datetime as dt

    from fiches.models import FicheAction, Service

    services = {}
    for service in Service.objects.select_related("enjeu"):
        services.setdefault(service.enjeu.nom, []).append(service.pk)
    Liaison = FicheAction.services.through
    debut = dt.datetime(2015, 1, 1, tzinfo=dt.UTC)
    for lot in range(0, nombre, 5000):
        fiches, enjeux = [], []
        for _ in range(min(5000, nombre - lot)):
            enjeu = hasard.choice(list(SUJETS))
            creee = debut + dt.timedelta(minutes=hasard.randint(0, 11 * 365 * 24 * 60))
            date_debut = (creee - dt.timedelta(days=hasard.randint(0, 400))).date() if hasard.random() < 0.8 else None
            etat = "publiee" if hasard.random() < 0.95 else hasard.choice(["brouillon", "en_moderation", "a_modifier"])
            fiches.append(
                FicheAction(
                    collectivite=hasard.choice(collectivites),
                    etat=etat,
                    created_at=creee,
                    date_debut=date_debut,
                    **texte_de_fiche(hasard, enjeu),
                )
            )
            enjeux.append(enjeu)
        fiches = FicheAction.objects.bulk_create(fiches, batch_size=1000)
        liaisons = []
        for fiche, enjeu in zip(fiches, enjeux, strict=True):
            choisis = set(hasard.sample(services[enjeu], hasard.randint(1, 2)))
            if hasard.random() < 0.3:
                choisis.add(hasard.choice(services[hasard.choice(list(SUJETS))]))
            liaisons += [Liaison(ficheaction_id=fiche.pk, service_id=service) for service in choisis]
        Liaison.objects.bulk_create(liaisons, batch_size=5000)


def mesurer(fonction, repetitions=3):
    temps = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        temps.append(time.perf_counter() - debut)
    return statistics.median(temps) * 1000


def centile(valeurs, rang):
    valeurs = sorted(valeurs)
    return valeurs[min(len(valeurs) - 1, round(rang / 100 * (len(valeurs) - 1)))]


def requete_moteur_seul(moteur, expression):
    """The engine's query alone, on the same words: FTS5 MATCH / tsquery, ranked, first 20."""
    from django.db import connection

    with connection.cursor() as cursor:
        if moteur == "sqlite":
            # bm25() with SQLite's bounded sorter: the fastest ranked query of FTS5 (`ORDER BY rank` sorts every match
            # inside FTS5: 30 to 45 % slower on common words at 150,000 fiches).
            cursor.execute(
                "SELECT rowid FROM fiches_recherche WHERE fiches_recherche MATCH %s "
                "ORDER BY bm25(fiches_recherche, 10.0, 1.0, 4.0) LIMIT 20",
                [expression],
            )
        else:
            cursor.execute(
                "SELECT fiche_id FROM fiches_recherche, fiches_tsquery(%s) q WHERE vecteur @@ q "
                "ORDER BY ts_rank(vecteur, q, 1) DESC LIMIT 20",
                [expression],
            )
        cursor.fetchall()


def requete_moteur_filtree(moteur, expression, parmi):
    """The engine's query with the page's filters (`Filtres.parmi()`) as plain subqueries, ranked, first 20: what
    the search adds to the engine and the filters (count, page, text, snippets)."""
    from django.db import connection

    from fiches.models import FicheAction

    fiches, collectivites = parmi["parmi"], parmi["collectivites"]
    if moteur == "sqlite" and collectivites is not None:
        fiches = (fiches if fiches is not None else FicheAction.objects.all()).filter(collectivite_id__in=collectivites)
        collectivites = None
    sql, params = "", []
    if fiches is not None:
        sous, sous_params = fiches.order_by().values("id").query.sql_with_params()
        sql += f" AND {'+rowid' if moteur == 'sqlite' else 'fiche_id'} IN ({sous})"
        params += list(sous_params)
    if collectivites is not None:
        sous, sous_params = collectivites.query.sql_with_params()
        sql += f" AND collectivite_id IN ({sous})"
        params += list(sous_params)
    with connection.cursor() as cursor:
        if moteur == "sqlite":
            cursor.execute(
                f"SELECT rowid FROM fiches_recherche WHERE fiches_recherche MATCH %s{sql} "  # noqa: S608 - Django SQL
                "ORDER BY bm25(fiches_recherche, 10.0, 1.0, 4.0) LIMIT 20",
                [expression, *params],
            )
        else:
            cursor.execute(
                f"SELECT fiche_id FROM fiches_recherche, fiches_tsquery(%s) q WHERE vecteur @@ q{sql} "  # noqa: S608
                "ORDER BY ts_rank(vecteur, q, 1) DESC LIMIT 20",
                [expression, *params],
            )
        cursor.fetchall()


def mesurer_sans_cache(fonction, repetitions=3):
    """Like mesurer(), the facet cache emptied before each run: what the first visitor of a page waits for."""
    from django.core.cache import caches

    temps = []
    for _ in range(repetitions):
        caches["facettes"].clear()
        debut = time.perf_counter()
        fonction()
        temps.append(time.perf_counter() - debut)
    return statistics.median(temps) * 1000


def executer(moteur, tailles):
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client

    from fiches.facettes import Filtres, Referentiel, calculer_facettes
    from fiches.models import Enjeu
    from fiches.search import PostgreSQL, SQLite, analyser, rechercher, reindexer_tout

    hasard = random.Random(2026)
    debut = time.perf_counter()
    collectivites = creer_collectivites(hasard)
    print(f"[{moteur}] {len(collectivites)} collectivités en {time.perf_counter() - debut:.1f} s", flush=True)
    liste = requetes(sorted(Enjeu.objects.values_list("pk", flat=True)), random.Random(7))
    classe = SQLite if moteur == "sqlite" else PostgreSQL
    deja = 0
    for taille in tailles:
        debut = time.perf_counter()
        creer_fiches(hasard, collectivites, taille - deja)
        deja = taille
        generation = time.perf_counter() - debut
        debut = time.perf_counter()
        reindexer_tout()
        indexation = time.perf_counter() - debut
        if moteur == "postgresql":
            # What autovacuum does after a bulk load in production: statistics of every table.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"[{moteur}] {taille:,} fiches : génération {generation:.1f} s, reindexer_tout() {indexation:.1f} s".replace(
                ",", " "
            ),
            flush=True,
        )
        referentiel = Referentiel()
        recherche, seul, filtre, facettes_temps, facettes_cache = [], [], [], [], []
        for texte, facettes, tri, page in liste:
            donnees = QueryDict(mutable=True)
            for nom, valeurs in facettes.items():
                donnees.setlist(nom, valeurs)
            filtres = Filtres(donnees, referentiel)
            recherche.append(
                mesurer(lambda t=texte, f=filtres, tr=tri, p=page: rechercher(t, **f.parmi(), tri=tr, page=p))
            )
            expression = classe.expression(analyser(texte))
            seul.append(mesurer(lambda e=expression: requete_moteur_seul(moteur, e)))
            filtre.append(mesurer(lambda e=expression, f=filtres: requete_moteur_filtree(moteur, e, f.parmi())))
            facettes_temps.append(mesurer_sans_cache(lambda t=texte, f=filtres: calculer_facettes(t, f)))
            calculer_facettes(texte, filtres)  # now in the cache
            facettes_cache.append(mesurer(lambda t=texte, f=filtres: calculer_facettes(t, f)))
        client = Client()
        pages, pages_cache = [], []
        for texte, facettes, _, _ in liste[::10]:
            page = functools.partial(client.get, "/fiches/", {"q": texte, **facettes})
            pages.append(mesurer_sans_cache(page, repetitions=1))
            pages_cache.append(mesurer(page, repetitions=1))  # the same page again: its counts in the cache
        p50, p95 = centile(recherche, 50), centile(recherche, 95)
        s50, s95 = centile(seul, 50), centile(seul, 95)
        f50, f95 = centile(filtre, 50), centile(filtre, 95)
        print(
            f"[{moteur}] {taille:,} fiches : rechercher() p50 {p50:.1f} ms, p95 {p95:.1f} ms | "
            f"moteur seul p50 {s50:.1f} ms, p95 {s95:.1f} ms | rapport p50 {p50 / s50:.2f}, p95 {p95 / s95:.2f} | "
            f"moteur avec les filtres p50 {f50:.1f} ms, p95 {f95:.1f} ms | rapport p50 {p50 / f50:.2f}, p95 {p95 / f95:.2f} | "
            f"calculer_facettes() p50 {centile(facettes_temps, 50):.0f} ms, p95 {centile(facettes_temps, 95):.0f} ms "
            f"(en cache p50 {centile(facettes_cache, 50):.1f} ms, p95 {centile(facettes_cache, 95):.1f} ms) | "
            f"page /fiches/ (20 requêtes) p50 {centile(pages, 50):.0f} ms, p95 {centile(pages, 95):.0f} ms "
            f"(comptes en cache p50 {centile(pages_cache, 50):.0f} ms, p95 {centile(pages_cache, 95):.0f} ms)".replace(
                ",", " "
            ),
            flush=True,
        )
        lents = sorted(zip(recherche, seul, liste, strict=True), key=lambda x: -x[0])[:3]
        for temps, temps_seul, (texte, facettes, tri, page) in lents:
            print(
                f"    plus lente : {temps:.1f} ms (moteur seul {temps_seul:.1f} ms) {texte!r} {facettes} {tri} p{page}"
            )
    connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moteur", choices=["sqlite", "postgresql"])
    parser.add_argument("--tailles", default="15000,150000")
    arguments = parser.parse_args()
    tailles = [int(taille) for taille in arguments.tailles.split(",")]
    if arguments.moteur:
        preparer_django(arguments.moteur)
        executer(arguments.moteur, tailles)
        return 0
    codes = 0
    for moteur in ["sqlite", "postgresql"]:
        if moteur == "postgresql":
            subprocess.run(["dropdb", *PG, "--if-exists", BASE_PG], check=True)  # noqa: S603, S607
            subprocess.run(["createdb", *PG, BASE_PG], check=True)  # noqa: S603, S607
        try:
            commande = [sys.executable, __file__, "--moteur", moteur, "--tailles", arguments.tailles]
            codes |= subprocess.call(commande, cwd=RACINE)  # noqa: S603 - our own script
        finally:
            if moteur == "postgresql":
                subprocess.run(["dropdb", *PG, "--if-exists", BASE_PG], check=False)  # noqa: S603, S607
            else:
                for fichier in RACINE.glob("bench/recherche.sqlite3*"):
                    fichier.unlink()
    return codes


if __name__ == "__main__":
    sys.exit(main())
