"""Seed the taxonomy: 4 familles, 16 enjeux, 139 services (best-known names, to be corrected by staff).

Only "services publics → Démocratie & services publics" is confirmed by public sources; every other
enjeu → famille link is a best guess and says so in its note.
"""

from django.db import migrations
from django.utils.text import slugify

INCERTAIN = "Rattachement à la famille incertain (meilleure hypothèse) : à confirmer par le comité d'orientation."

TAXONOMIE = [
    (
        "Démocratie & services publics",
        "Les services rendus aux habitants et la vie démocratique locale.",
        [
            (
                "Services publics",
                "#1f4e8c",
                "Démarches en ligne, accueil, relation à l'usager.",
                "",
                [
                    "Démarches administratives en ligne",
                    "Guichet unique et accueil multicanal",
                    "Paiement en ligne",
                    "Prise de rendez-vous en ligne",
                    "Gestion de la relation usager",
                    "Dématérialisation des actes",
                    "Signalement dans l'espace public",
                    "Site internet de la collectivité",
                    "Accessibilité numérique des services",
                ],
            ),
            (
                "Démocratie locale",
                "#2c6cb0",
                "Participation, concertation et transparence.",
                INCERTAIN,
                [
                    "Budget participatif",
                    "Consultation et concertation en ligne",
                    "Retransmission des conseils",
                    "Données publiques ouvertes",
                    "Pétitions et interpellations",
                    "Conseils de quartier et de jeunes",
                    "Transparence de l'action publique",
                    "Vote et sondages citoyens",
                    "Civic tech",
                ],
            ),
            (
                "Coopération",
                "#3d5a80",
                "Mutualisation entre collectivités et coopération décentralisée.",
                INCERTAIN,
                [
                    "Mutualisation intercommunale",
                    "Coopération décentralisée",
                    "Logiciels libres partagés",
                    "Groupements de commandes",
                    "Réseaux d'acteurs publics",
                    "Infrastructures partagées",
                    "Échanges de pratiques",
                    "Partenariats public-privé",
                ],
            ),
            (
                "Identité",
                "#4a4e9c",
                "Identité numérique, communication et image du territoire.",
                INCERTAIN,
                [
                    "Communication numérique",
                    "Réseaux sociaux institutionnels",
                    "Application mobile de la ville",
                    "Identité numérique des habitants",
                    "Protection des données personnelles",
                    "Cybersécurité",
                    "Lettre d'information",
                    "Affichage dynamique",
                    "Archives numériques",
                ],
            ),
        ],
    ),
    (
        "Vivre ensemble",
        "La vie quotidienne, les solidarités et le lien social.",
        [
            (
                "Vie quotidienne",
                "#a23b16",
                "Mobilité, cadre de vie, services du quotidien.",
                INCERTAIN,
                [
                    "Mobilité et transports",
                    "Stationnement intelligent",
                    "Éclairage public connecté",
                    "Collecte des déchets",
                    "Information en temps réel",
                    "Restauration scolaire",
                    "Petite enfance et familles",
                    "Sécurité et prévention",
                    "Cadre de vie et espaces verts",
                ],
            ),
            (
                "Solidarités",
                "#b5402a",
                "Action sociale, santé, autonomie.",
                INCERTAIN,
                [
                    "Action sociale en ligne",
                    "Santé et télémédecine",
                    "Autonomie des personnes âgées",
                    "Handicap et accessibilité",
                    "Aide alimentaire",
                    "Logement",
                    "Lutte contre l'isolement",
                    "Accès aux droits",
                    "Domotique et maintien à domicile",
                ],
            ),
            (
                "Vie associative",
                "#8c3b5e",
                "Soutien et outils pour les associations.",
                INCERTAIN,
                [
                    "Annuaire des associations",
                    "Réservation de salles et équipements",
                    "Subventions en ligne",
                    "Bénévolat",
                    "Forum des associations",
                    "Outils numériques pour les associations",
                    "Maison des associations",
                    "Agenda partagé",
                ],
            ),
            (
                "Cohésion sociale",
                "#9b2f4a",
                "Lien social, quartiers, jeunesse, égalité.",
                INCERTAIN,
                [
                    "Politique de la ville",
                    "Jeunesse",
                    "Égalité femmes-hommes",
                    "Lutte contre les discriminations",
                    "Intergénérationnel",
                    "Quartiers prioritaires",
                    "Sport et loisirs",
                    "Vie de quartier",
                    "Tiers-lieux",
                ],
            ),
        ],
    ),
    (
        "Partage des connaissances",
        "Éducation, culture, patrimoine et médiation numérique.",
        [
            (
                "Éducation",
                "#1e6b3a",
                "École, numérique éducatif, formation.",
                INCERTAIN,
                [
                    "Équipement numérique des écoles",
                    "Espace numérique de travail",
                    "Numérique éducatif",
                    "Périscolaire",
                    "Formation des enseignants",
                    "Éducation aux médias",
                    "Robotique et code",
                    "Soutien scolaire en ligne",
                    "Formation tout au long de la vie",
                ],
            ),
            (
                "Culture",
                "#2d7d4f",
                "Création, bibliothèques, diffusion culturelle.",
                INCERTAIN,
                [
                    "Médiathèque numérique",
                    "Création numérique",
                    "Fablab",
                    "Musées et expositions virtuelles",
                    "Billetterie en ligne",
                    "Éducation artistique",
                    "Jeux vidéo et ludothèque",
                    "Lecture publique",
                    "Festivals numériques",
                ],
            ),
            (
                "Patrimoine",
                "#3a6e2a",
                "Valoriser et transmettre le patrimoine.",
                INCERTAIN,
                [
                    "Numérisation du patrimoine",
                    "Visites virtuelles",
                    "Parcours patrimoniaux géolocalisés",
                    "Mémoire locale",
                    "Patrimoine naturel",
                    "Archives en ligne",
                    "Toponymie et histoire locale",
                    "Réalité augmentée",
                ],
            ),
            (
                "Médiation",
                "#216e63",
                "Médiation et inclusion numériques.",
                INCERTAIN,
                [
                    "Espace public numérique",
                    "Conseillers numériques",
                    "Ateliers d'initiation",
                    "Inclusion numérique",
                    "Accompagnement aux démarches",
                    "Reconditionnement de matériel",
                    "Aidants numériques",
                    "Médiation itinérante",
                    "Pass numérique",
                ],
            ),
        ],
    ),
    (
        "Création de richesses",
        "Économie, emploi, attractivité et innovation.",
        [
            (
                "Emploi",
                "#5b3c8c",
                "Insertion, recherche d'emploi, compétences.",
                INCERTAIN,
                [
                    "Recherche d'emploi",
                    "Insertion professionnelle",
                    "Compétences numériques",
                    "Espaces de coworking",
                    "Télétravail",
                    "Formation professionnelle",
                    "Apprentissage",
                    "Plateforme des métiers",
                    "Emploi des jeunes",
                ],
            ),
            (
                "Développement économique",
                "#6a3f9e",
                "Commerce, entreprises, agriculture.",
                INCERTAIN,
                [
                    "Commerce de proximité en ligne",
                    "Marchés publics dématérialisés",
                    "Accompagnement des entreprises",
                    "Circuits courts",
                    "Pépinières et incubateurs",
                    "Zones d'activités connectées",
                    "Agriculture",
                    "Économie sociale et solidaire",
                    "Tourisme",
                ],
            ),
            (
                "Attractivité",
                "#7b3f7f",
                "Image, tourisme et couverture numérique du territoire.",
                INCERTAIN,
                [
                    "Très haut débit",
                    "Couverture mobile",
                    "Wifi public",
                    "Marketing territorial",
                    "Accueil des nouveaux habitants",
                    "Offre touristique en ligne",
                    "Événementiel",
                    "Cartographie du territoire",
                ],
            ),
            (
                "Innovation",
                "#4b3f72",
                "Expérimentations, données, transition écologique.",
                INCERTAIN,
                [
                    "Territoire intelligent",
                    "Données et capteurs",
                    "Intelligence artificielle",
                    "Sobriété numérique",
                    "Transition écologique",
                    "Énergie et bâtiments",
                    "Laboratoire d'innovation",
                    "Expérimentations",
                ],
            ),
        ],
    ),
]


def seed(apps, schema_editor):
    Taxonomie = apps.get_model("fiches", "Taxonomie")
    Famille = apps.get_model("fiches", "Famille")
    Enjeu = apps.get_model("fiches", "Enjeu")
    Service = apps.get_model("fiches", "Service")
    taxonomie = Taxonomie.objects.create(
        nom="Taxonomie 2017", depuis=2017, est_active=True, note="139 services, 16 enjeux, 4 familles (label 2017)."
    )
    for f, (nom_famille, description_famille, enjeux) in enumerate(TAXONOMIE, start=1):
        famille = Famille.objects.create(
            taxonomie=taxonomie, nom=nom_famille, slug=slugify(nom_famille), ordre=f, description=description_famille
        )
        for e, (nom_enjeu, couleur, description, note, services) in enumerate(enjeux, start=1):
            enjeu = Enjeu.objects.create(
                famille=famille,
                nom=nom_enjeu,
                slug=slugify(nom_enjeu),
                ordre=e,
                couleur=couleur,
                description=description,
                note=note,
            )
            Service.objects.bulk_create(
                Service(enjeu=enjeu, nom=nom, slug=slugify(nom), ordre=s) for s, nom in enumerate(services, start=1)
            )


def unseed(apps, schema_editor):
    filtre = {"nom": "Taxonomie 2017"}
    apps.get_model("fiches", "Service").objects.filter(enjeu__famille__taxonomie__nom=filtre["nom"]).delete()
    apps.get_model("fiches", "Enjeu").objects.filter(famille__taxonomie__nom=filtre["nom"]).delete()
    apps.get_model("fiches", "Taxonomie").objects.filter(**filtre).delete()


class Migration(migrations.Migration):
    dependencies = [("fiches", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
