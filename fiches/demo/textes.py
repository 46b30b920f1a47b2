"""The words of the demo fiches: for each enjeu of the taxonomy, typical actions and the sentences around them.

Data only, read by fiches/demo/__init__.py; the enjeux live in one module per famille (textes_*.py). An enjeu
lists typical actions, each naming the service of the taxonomy it illustrates (its exact name in migration
0002) with its titles, opening sentences and results, then sentences shared by its actions (aims, what was
done, results, recommendations), tools, partners, publics, places and contacts' functions. Templates take:

  {lieu}, {a_lieu}, {de_lieu}   the commune of the place: « Dijon », « à Dijon », « de Dijon » (« au Havre »…)
  {Coll}, {coll}                the collectivité as a subject: « La ville de Dijon », « la communauté de… »
  {annee}                       the year the action started
  {n}, {petit}, {pct}, {pct2}   numbers: a count scaled on the population, a small count, two percentages
  {outil}, {partenaire}         a tool and a partner of the enjeu
  {Service}, {service}          the name of the fiche's main service

Everything here is fictitious (demo data); the software named is real, the people and results are not.
"""

from .textes_connaissances import PARTAGE_DES_CONNAISSANCES
from .textes_democratie import DEMOCRATIE_SERVICES_PUBLICS
from .textes_richesses import CREATION_DE_RICHESSES
from .textes_vivre_ensemble import VIVRE_ENSEMBLE

# Enjeu slug → its actions (service, titles, opening sentences) and the shared sentences of the enjeu.
TEXTES = {**DEMOCRATIE_SERVICES_PUBLICS, **VIVRE_ENSEMBLE, **PARTAGE_DES_CONNAISSANCES, **CREATION_DE_RICHESSES}

# For an enjeu the texts above do not know (the taxonomy is editable): sentences built on the service's name.
GENERIQUE = {
    "actions": [
        {
            "service": None,
            "titres": ["{Service} {a_lieu}", "{Service} : l'action {de_lieu}"],
            "syntheses": ["{Coll} mène depuis {annee} une action « {service} » au service de ses habitants."],
            "resultats": ["{n} personnes concernées la première année."],
        }
    ],
    "buts": ["L'objectif est de mieux répondre aux besoins des habitants.", "Il s'agit d'un service utile à tous."],
    "realisations": [
        "Étude des besoins avec les habitants",
        "Choix et mise en place de {outil}",
        "Formation des agents",
        "Bilan après un an",
    ],
    "resultats": ["{pct2} % des usagers se disent satisfaits."],
    "recommandations": ["Partir des besoins des habitants.", "Évaluer avant de généraliser."],
    "outils": ["Nextcloud", "LibreOffice", "Matomo", "OpenStreetMap"],
    "partenaires": ["la région", "le département", "les associations locales"],
    "publics": ["Tous les habitants"],
    "lieux": ["Mairie {de_lieu}"],
    "fonctions": ["Chef de projet"],
}

# Shared by every enjeu.
SOUS_TITRES = [
    "Une action simple, utile à tous",
    "Penser l'usage avant l'outil",
    "Un projet construit avec les habitants",
    "Des résultats dès la première année",
    "Un service public plus proche",
    "Une démarche reproductible ailleurs",
]
PARTENAIRES_COMMUNS = [
    "la Banque des Territoires",
    "l'Agence nationale de la cohésion des territoires",
    "le conseil départemental",
    "le conseil régional",
    "l'Union européenne (FEDER)",
    "des associations locales",
]
PRESTATAIRES = [
    "une coopérative locale de développement web",
    "un intégrateur régional de logiciels libres",
    "une agence de communication du département",
    "un bureau d'études spécialisé",
    "une entreprise d'insertion",
    "le syndicat informatique départemental",
]
VOIES = [
    "place de la Mairie",
    "rue de la République",
    "avenue Jean-Jaurès",
    "rue Victor-Hugo",
    "place de l'Église",
    "rue des Écoles",
    "Grande Rue",
    "rue Pasteur",
    "avenue de la Gare",
    "rue du Général-de-Gaulle",
    "place du Marché",
    "rue Jean-Moulin",
]
PRENOMS_F = [
    "Camille", "Nathalie", "Isabelle", "Sophie", "Claire", "Julie", "Émilie", "Sandrine", "Aurélie", "Céline",
    "Hélène", "Laure", "Marion", "Anne", "Christine", "Élodie", "Pauline", "Valérie", "Fatima", "Nadia",
    "Léa", "Chloé", "Manon", "Inès", "Sarah", "Agnès", "Brigitte", "Mireille", "Soizic", "Maëlle",
]  # fmt: skip
PRENOMS_M = [
    "Thomas", "Nicolas", "Julien", "Sébastien", "Pierre", "Philippe", "Laurent", "Stéphane", "Olivier", "David",
    "François", "Jérôme", "Antoine", "Mathieu", "Christophe", "Karim", "Mehdi", "Yann", "Gaël", "Bruno",
    "Hugo", "Lucas", "Louis", "Alain", "Bernard", "Didier", "Rémi", "Loïc", "Jean-Marc", "Patrick",
]  # fmt: skip
NOMS = [
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
    "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
    "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
    "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin", "Masson",
    "Le Gall", "Kerbrat", "Benali", "Nguyen", "Rossi", "Lemoine", "Colin", "Barbier", "Brun", "Arnaud",
]  # fmt: skip
MANDATS_COMMUNE = [
    "Maire",
    "Adjoint au maire chargé du numérique",
    "Conseiller municipal délégué au numérique",
    "Adjoint au maire chargé de la vie citoyenne",
]
MANDATS_TERRITOIRE = [
    "Président",
    "Vice-président chargé du numérique",
    "Conseiller communautaire délégué au numérique",
]
FONCTIONS_COMMUNES = ["Directeur général des services", "Secrétaire de mairie", "Chargé de mission numérique"]

# Masculine → feminine for the words that begin a function or an elected office (fictitious contacts).
FEMININ = [
    ("Directeur général", "Directrice générale"),
    ("Médiateur culturel", "Médiatrice culturelle"),
    ("Travailleur social", "Travailleuse sociale"),
    ("Conseiller numérique éducatif", "Conseillère numérique éducative"),
    ("Conseiller municipal", "Conseillère municipale"),
    ("Directeur", "Directrice"),
    ("Conseiller", "Conseillère"),
    ("Médiateur", "Médiatrice"),
    ("Animateur", "Animatrice"),
    ("Coordinateur", "Coordinatrice"),
    ("Chef de projet", "Cheffe de projet"),
    ("Adjoint", "Adjointe"),
    ("Vice-président", "Vice-présidente"),
    ("Président", "Présidente"),
    ("Délégué", "Déléguée"),
    ("Chargé", "Chargée"),
    ("Manager", "Manageuse"),
    (" chargé ", " chargée "),
    (" délégué ", " déléguée "),
]
