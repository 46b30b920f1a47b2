"""Demo texts of the famille « Création de richesses » (placeholders: see fiches/demo/textes.py)."""

CREATION_DE_RICHESSES = {
    "emploi": {
        "actions": [
            {
                "service": "Espaces de coworking",
                "titres": [
                    "Un espace de coworking {a_lieu}",
                    "Travailler près de chez soi : le coworking {de_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} a aménagé en {annee} un espace de travail partagé avec une connexion très haut débit,"
                        " des bureaux et une salle de réunion."
                    ),
                ],
                "resultats": [
                    "Le coworking est plein deux jours par semaine.",
                ],
            },
            {
                "service": "Recherche d'emploi",
                "titres": [
                    "Ateliers numériques pour les demandeurs d'emploi {de_lieu}",
                    "CV en ligne et entretiens en visio",
                ],
                "syntheses": [
                    (
                        "Des ateliers aident les demandeurs d'emploi à créer leur profil en ligne, rédiger un CV et "
                        "préparer un entretien en visio."
                    ),
                ],
                "resultats": [
                    "Les participants décrochent plus souvent un entretien.",
                ],
            },
            {
                "service": "Insertion professionnelle",
                "titres": [
                    "Un chantier d'insertion dans le reconditionnement informatique",
                    "L'insertion par le numérique",
                ],
                "syntheses": [
                    (
                        "Un chantier d'insertion forme des personnes éloignées de l'emploi au reconditionnement "
                        "d'ordinateurs."
                    ),
                ],
                "resultats": [
                    "{petit} salariés en insertion formés chaque année.",
                ],
            },
            {
                "service": "Compétences numériques",
                "titres": [
                    "Certifier ses compétences numériques {a_lieu}",
                    "Préparer la certification PIX {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Les habitants peuvent évaluer et certifier leurs compétences numériques, avec un "
                        "accompagnement pour progresser."
                    ),
                ],
                "resultats": [
                    "{n} certifications obtenues.",
                ],
            },
            {
                "service": "Télétravail",
                "titres": [
                    "Le télétravail des agents {de_lieu}",
                    "Des tiers-lieux pour les télétravailleurs",
                ],
                "syntheses": [
                    "{Coll} a organisé le télétravail de ses agents : équipement, outils collaboratifs et charte.",
                ],
                "resultats": [
                    "{pct} % des agents télétravaillent au moins un jour par semaine.",
                ],
            },
            {
                "service": "Emploi des jeunes",
                "titres": [
                    "Des jeunes formés aux métiers du numérique {a_lieu}",
                    "Une école du numérique {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Une formation gratuite aux métiers du développement web accueille chaque année des jeunes "
                        "sans diplôme."
                    ),
                ],
                "resultats": [
                    "{petit} jeunes formés par promotion.",
                ],
            },
            {
                "service": "Plateforme des métiers",
                "titres": [
                    "Une plateforme locale de l'emploi {a_lieu}",
                    "Les offres d'emploi du territoire en un seul endroit",
                ],
                "syntheses": [
                    (
                        "Une plateforme rassemble les offres d'emploi, de stage et d'apprentissage des entreprises du"
                        " territoire."
                    ),
                ],
                "resultats": [
                    "{n} offres publiées la première année.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de rapprocher les habitants de l'emploi.",
            "Il s'agit de lever les freins numériques à l'emploi.",
            "Le projet répond aux besoins de recrutement des entreprises locales dans le numérique.",
        ],
        "realisations": [
            "Partenariat avec France Travail et la mission locale",
            "Ateliers hebdomadaires avec {outil}",
            "Recrutement d'un animateur",
            "Journée portes ouvertes avec les entreprises",
            "Bilan avec les partenaires après un an",
        ],
        "resultats": [
            "{n} personnes accompagnées.",
            "{pct} % des personnes suivies ont trouvé un emploi ou une formation.",
        ],
        "recommandations": [
            "Associer les entreprises locales dès la conception.",
            "Choisir un lieu central, près des commerces et des transports.",
            "Prévoir un animateur : un lieu sans animation reste vide.",
        ],
        "outils": [
            "PIX",
            "Nextcloud",
            "Jitsi Meet",
            "BigBlueButton",
            "LinkedIn",
        ],
        "partenaires": [
            "France Travail",
            "la mission locale",
            "la région",
            "la chambre de commerce et d'industrie",
            "une école de la Grande École du Numérique",
        ],
        "publics": [
            "Demandeurs d'emploi",
            "Jeunes de 16 à 25 ans",
            "Télétravailleurs",
            "Entrepreneurs",
        ],
        "lieux": [
            "Espace de coworking {de_lieu}",
            "Maison de l'emploi {de_lieu}",
            "Tiers-lieu {de_lieu}",
        ],
        "fonctions": [
            "Chargé de développement économique",
            "Conseiller emploi",
            "Animateur du coworking",
        ],
    },
    "developpement-economique": {
        "actions": [
            {
                "service": "Commerce de proximité en ligne",
                "titres": [
                    "Une vitrine en ligne pour les commerces {de_lieu}",
                    "Le marché {de_lieu} en click and collect",
                ],
                "syntheses": [
                    (
                        "Une place de marché locale permet aux commerçants de vendre en ligne, avec retrait en "
                        "boutique ou livraison à vélo."
                    ),
                ],
                "resultats": [
                    "{n} commandes en ligne la première année.",
                ],
            },
            {
                "service": "Circuits courts",
                "titres": [
                    "Les producteurs locaux en ligne {a_lieu}",
                    "Des paniers de producteurs commandés en ligne",
                ],
                "syntheses": [
                    (
                        "Une plateforme relie les producteurs du territoire aux habitants et à la restauration "
                        "collective."
                    ),
                ],
                "resultats": [
                    "{pct} % des produits servis à la cantine viennent désormais du territoire.",
                ],
            },
            {
                "service": "Accompagnement des entreprises",
                "titres": [
                    "Un diagnostic numérique pour les TPE {de_lieu}",
                    "Accompagner les artisans vers le numérique",
                ],
                "syntheses": [
                    (
                        "{Coll} propose aux commerçants et artisans un diagnostic numérique gratuit et des ateliers "
                        "pour améliorer leur présence en ligne."
                    ),
                ],
                "resultats": [
                    "{petit} ateliers et plusieurs dizaines de diagnostics réalisés.",
                ],
            },
            {
                "service": "Pépinières et incubateurs",
                "titres": [
                    "Une pépinière d'entreprises du numérique {a_lieu}",
                    "Un incubateur pour les jeunes entreprises",
                ],
                "syntheses": [
                    (
                        "Une pépinière accueille les jeunes entreprises du numérique avec des bureaux à loyer modéré "
                        "et un accompagnement."
                    ),
                ],
                "resultats": [
                    "{petit} entreprises hébergées à la pépinière.",
                ],
            },
            {
                "service": "Marchés publics dématérialisés",
                "titres": [
                    "Les marchés publics {de_lieu} accessibles aux entreprises locales",
                    "Répondre en ligne aux marchés",
                ],
                "syntheses": [
                    (
                        "Tous les marchés de la collectivité sont publiés sur un profil d'acheteur, et des ateliers "
                        "aident les entreprises locales à répondre."
                    ),
                ],
                "resultats": [
                    "Les entreprises du territoire répondent plus souvent aux marchés.",
                ],
            },
            {
                "service": "Tourisme",
                "titres": [
                    "Réserver son séjour en ligne {a_lieu}",
                    "Les gîtes du territoire sur une plateforme commune",
                ],
                "syntheses": [
                    (
                        "Les hébergeurs et les prestataires d'activités du territoire sont réunis sur une plateforme "
                        "de réservation commune."
                    ),
                ],
                "resultats": [
                    "{n} réservations la première saison.",
                ],
            },
            {
                "service": "Agriculture",
                "titres": [
                    "Des capteurs pour une irrigation économe",
                    "Les agriculteurs partagent leurs données météo",
                ],
                "syntheses": [
                    (
                        "Un réseau de stations météo partagées aide les agriculteurs à mieux piloter l'irrigation et "
                        "les traitements."
                    ),
                ],
                "resultats": [
                    "Les agriculteurs équipés ont réduit leur consommation d'eau.",
                ],
            },
            {
                "service": "Économie sociale et solidaire",
                "titres": [
                    "Une monnaie locale numérique {a_lieu}",
                    "Une ressourcerie en ligne {a_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} soutient une monnaie locale complémentaire, utilisable par téléphone chez les "
                        "commerçants du territoire."
                    ),
                ],
                "resultats": [
                    "{n} utilisateurs de la monnaie locale.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de soutenir l'économie locale face aux grandes plateformes.",
            "Il s'agit d'aider les petites entreprises à profiter du numérique.",
            "Le projet veut garder la valeur créée sur le territoire.",
        ],
        "realisations": [
            "Réunions avec les acteurs économiques concernés",
            "Choix et paramétrage de {outil}",
            "Ateliers individuels d'accompagnement",
            "Campagne de lancement dans la presse locale",
            "Bilan avec les chambres consulaires",
        ],
        "resultats": [
            "Les acteurs économiques demandent la poursuite de l'action.",
            "{petit} nouveaux participants chaque trimestre.",
        ],
        "recommandations": [
            "Faire porter le projet par les commerçants eux-mêmes.",
            "Prévoir un accompagnement individuel, pas seulement un outil.",
            "Mesurer les ventes réelles, pas seulement les visites.",
        ],
        "outils": [
            "Open Food Network",
            "Cagette.net",
            "WooCommerce",
            "PrestaShop",
            "Achatpublic.com",
            "Dolibarr",
        ],
        "partenaires": [
            "la chambre de commerce et d'industrie",
            "la chambre des métiers et de l'artisanat",
            "la chambre d'agriculture",
            "l'union des commerçants",
            "l'office de tourisme",
        ],
        "publics": [
            "Commerçants et artisans",
            "Producteurs locaux",
            "Entreprises",
            "Habitants",
        ],
        "lieux": [
            "Pépinière d'entreprises {de_lieu}",
            "Centre-ville {de_lieu}",
            "Halle du marché {de_lieu}",
        ],
        "fonctions": [
            "Chargé de développement économique",
            "Manager de centre-ville",
            "Chargé de mission commerce",
        ],
    },
    "attractivite": {
        "actions": [
            {
                "service": "Wifi public",
                "titres": [
                    "Un wifi public gratuit dans le centre {de_lieu}",
                    "Wifi gratuit dans les équipements publics",
                ],
                "syntheses": [
                    (
                        "Un réseau wifi gratuit et respectueux de la vie privée couvre la place, la médiathèque et "
                        "les équipements sportifs."
                    ),
                ],
                "resultats": [
                    "{n} connexions au wifi public chaque mois.",
                ],
            },
            {
                "service": "Très haut débit",
                "titres": [
                    "La fibre optique pour tous les foyers {de_lieu}",
                    "Le très haut débit arrive dans les hameaux",
                ],
                "syntheses": [
                    (
                        "En lien avec le réseau d'initiative publique, {coll} a suivi le déploiement de la fibre "
                        "jusqu'au dernier hameau et informé les habitants."
                    ),
                ],
                "resultats": [
                    "{pct2} % des foyers sont raccordables à la fibre.",
                ],
            },
            {
                "service": "Couverture mobile",
                "titres": [
                    "En finir avec les zones blanches {a_lieu}",
                    "Un nouveau pylône pour la couverture mobile",
                ],
                "syntheses": [
                    (
                        "Après un relevé des zones mal couvertes fait par les habitants, un pylône a été installé "
                        "dans le cadre du programme national de couverture mobile."
                    ),
                ],
                "resultats": [
                    "Les zones blanches signalées par les habitants sont couvertes.",
                ],
            },
            {
                "service": "Accueil des nouveaux habitants",
                "titres": [
                    "Un guide numérique des nouveaux habitants {de_lieu}",
                    "Bienvenue {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Les nouveaux habitants reçoivent un guide en ligne et sont invités à une soirée d'accueil "
                        "pour découvrir les services et les associations."
                    ),
                ],
                "resultats": [
                    "{petit} familles nouvellement installées ont participé à la soirée d'accueil.",
                ],
            },
            {
                "service": "Cartographie du territoire",
                "titres": [
                    "Une carte interactive du territoire",
                    "{lieu} cartographiée dans OpenStreetMap",
                ],
                "syntheses": [
                    (
                        "Une carte en ligne, construite sur OpenStreetMap, présente les équipements, les commerces et"
                        " les sentiers du territoire."
                    ),
                ],
                "resultats": [
                    "{n} lieux ajoutés ou corrigés dans OpenStreetMap.",
                ],
            },
            {
                "service": "Offre touristique en ligne",
                "titres": [
                    "Découvrir {lieu} en ligne",
                    "Un site touristique multilingue {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Un site touristique en plusieurs langues présente les sites, les sentiers et les "
                        "hébergements, avec des données réutilisables."
                    ),
                ],
                "resultats": [
                    "{n} visiteurs sur le site l'été dernier.",
                ],
            },
            {
                "service": "Marketing territorial",
                "titres": [
                    "Une marque de territoire numérique",
                    "Vivre et travailler {a_lieu} : une campagne en ligne",
                ],
                "syntheses": [
                    (
                        "Une campagne en ligne présente le territoire aux familles et aux actifs qui cherchent à "
                        "quitter les grandes villes."
                    ),
                ],
                "resultats": [
                    "{petit} familles installées après avoir découvert la campagne.",
                ],
            },
            {
                "service": "Événementiel",
                "titres": [
                    "Les événements {de_lieu} sur une seule plateforme",
                    "Le festival d'été diffusé en ligne",
                ],
                "syntheses": [
                    (
                        "Les grands événements de l'année sont annoncés sur une plateforme commune et certains sont "
                        "diffusés en direct."
                    ),
                ],
                "resultats": [
                    "{n} personnes ont suivi les événements en direct.",
                ],
            },
        ],
        "buts": [
            "L'objectif est d'attirer de nouveaux habitants et de nouvelles entreprises.",
            "Il s'agit de rendre le territoire accueillant pour ceux qui y vivent et ceux qui le découvrent.",
            "Le projet veut faire connaître le territoire au-delà de ses limites.",
        ],
        "realisations": [
            "Diagnostic des besoins avec les habitants et les entreprises",
            "Mise en place de {outil}",
            "Réunions publiques d'information",
            "Suivi des travaux avec les opérateurs et les prestataires",
            "Communication dans le bulletin municipal et sur le site",
        ],
        "resultats": [
            "Le territoire gagne en visibilité.",
            "Les habitants saluent une amélioration concrète.",
        ],
        "recommandations": [
            "Informer les habitants à chaque étape des travaux.",
            "Choisir un wifi public sans collecte de données personnelles.",
            "Contribuer à OpenStreetMap plutôt que créer une carte fermée.",
        ],
        "outils": [
            "OpenStreetMap",
            "Umap",
            "QGIS",
            "WiFi4EU",
            "DATAtourisme",
            "Matomo",
            "Mon réseau mobile",
        ],
        "partenaires": [
            "le syndicat mixte du très haut débit",
            "l'office de tourisme",
            "le département",
            "l'Arcep",
            "les opérateurs de téléphonie mobile",
        ],
        "publics": [
            "Habitants",
            "Touristes",
            "Nouveaux arrivants",
            "Entreprises",
        ],
        "lieux": [
            "Place de la mairie {de_lieu}",
            "Office de tourisme {de_lieu}",
            "Centre-bourg {de_lieu}",
        ],
        "fonctions": [
            "Chargé d'attractivité",
            "Responsable du tourisme",
            "Chef de projet très haut débit",
        ],
    },
    "innovation": {
        "actions": [
            {
                "service": "Sobriété numérique",
                "titres": [
                    "Un plan de sobriété numérique {a_lieu}",
                    "Allonger la durée de vie du matériel informatique",
                ],
                "syntheses": [
                    (
                        "{Coll} a adopté un plan de sobriété numérique : matériel gardé plus longtemps, "
                        "reconditionné, serveurs mutualisés et sites plus légers."
                    ),
                ],
                "resultats": [
                    "La durée de vie des ordinateurs est passée de quatre à sept ans.",
                ],
            },
            {
                "service": "Données et capteurs",
                "titres": [
                    "Des capteurs de qualité de l'air dans les écoles {de_lieu}",
                    "Mesurer pour mieux décider",
                ],
                "syntheses": [
                    (
                        "Des capteurs mesurent la qualité de l'air et le bruit près des écoles ; les données sont "
                        "publiées en temps réel."
                    ),
                ],
                "resultats": [
                    "{petit} écoles équipées de capteurs.",
                ],
            },
            {
                "service": "Énergie et bâtiments",
                "titres": [
                    "Suivre la consommation des bâtiments publics {de_lieu}",
                    "Des bâtiments communaux pilotés à distance",
                ],
                "syntheses": [
                    (
                        "Les consommations d'énergie des bâtiments publics sont suivies chaque jour, et le chauffage "
                        "est piloté à distance selon l'occupation."
                    ),
                ],
                "resultats": [
                    "La consommation d'énergie des bâtiments suivis a baissé de {pct} %.",
                ],
            },
            {
                "service": "Transition écologique",
                "titres": [
                    "Le numérique au service de la transition écologique {a_lieu}",
                    "Un jumeau numérique du territoire",
                ],
                "syntheses": [
                    (
                        "{Coll} utilise les données du territoire pour planifier sa transition écologique : "
                        "rénovation, mobilité, îlots de fraîcheur."
                    ),
                ],
                "resultats": [
                    "Les îlots de chaleur de la commune sont cartographiés.",
                ],
            },
            {
                "service": "Intelligence artificielle",
                "titres": [
                    "Une charte pour l'usage de l'intelligence artificielle",
                    "Expérimenter l'IA dans les services",
                ],
                "syntheses": [
                    (
                        "{Coll} expérimente des outils d'intelligence artificielle pour aider les agents, avec une "
                        "charte éthique publique et une évaluation."
                    ),
                ],
                "resultats": [
                    "Les agents gagnent du temps sur les courriers simples, toujours relus par une personne.",
                ],
            },
            {
                "service": "Laboratoire d'innovation",
                "titres": [
                    "Un laboratoire d'innovation publique {a_lieu}",
                    "Le design des politiques publiques {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Un petit laboratoire d'innovation teste avec les usagers de nouvelles façons de rendre le "
                        "service public."
                    ),
                ],
                "resultats": [
                    "{petit} services publics repensés avec les usagers.",
                ],
            },
            {
                "service": "Territoire intelligent",
                "titres": [
                    "Une plateforme de données du territoire",
                    "Un hyperviseur des services urbains {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Une plateforme réunit les données des réseaux (eau, éclairage, bâtiments) pour mieux les "
                        "piloter, en restant propriété de la collectivité."
                    ),
                ],
                "resultats": [
                    "Les fuites du réseau d'eau sont repérées plus vite.",
                ],
            },
            {
                "service": "Expérimentations",
                "titres": [
                    "Une navette autonome à l'essai {a_lieu}",
                    "Expérimentation d'un service de prêt de vélos connectés",
                ],
                "syntheses": [
                    (
                        "{Coll} a mené en {annee} une expérimentation de six mois, évaluée avec les habitants avant "
                        "toute décision de généralisation."
                    ),
                ],
                "resultats": [
                    "L'évaluation a conduit à poursuivre l'expérience sur un second site.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de rendre un meilleur service public en consommant moins.",
            "Il s'agit de décider à partir de données fiables et partagées.",
            "Le projet teste avant de généraliser, pour ne pas investir à l'aveugle.",
        ],
        "realisations": [
            "État des lieux et mesures de départ",
            "Mise en place de {outil}",
            "Charte éthique rédigée avec un comité d'habitants",
            "Publication des données en open data",
            "Évaluation avec un laboratoire universitaire",
        ],
        "resultats": [
            "Les décisions s'appuient sur des données mesurées.",
            "Les données sont réutilisées par des chercheurs et des associations.",
        ],
        "recommandations": [
            "Mesurer avant d'agir, pour savoir d'où l'on part.",
            "Garder la propriété des données produites.",
            "Associer les habitants aux choix éthiques.",
            "Évaluer honnêtement, et arrêter ce qui ne marche pas.",
        ],
        "outils": [
            "Grafana",
            "Node-RED",
            "LoRaWAN",
            "QGIS",
            "Home Assistant",
            "Albert",
            "Python",
        ],
        "partenaires": [
            "l'ADEME",
            "l'université",
            "le syndicat départemental d'énergie",
            "l'Institut du numérique responsable",
            "Atmo (observatoire de la qualité de l'air)",
        ],
        "publics": [
            "Agents de la collectivité",
            "Habitants",
            "Écoles",
            "Usagers des bâtiments publics",
        ],
        "lieux": [
            "Services techniques {de_lieu}",
            "Groupe scolaire {de_lieu}",
            "Hôtel de ville {de_lieu}",
        ],
        "fonctions": [
            "Chef de projet innovation",
            "Responsable transition écologique",
            "Économe de flux",
        ],
    },
}
