"""Demo texts of the famille « Vivre ensemble » (placeholders: see fiches/demo/textes.py)."""

VIVRE_ENSEMBLE = {
    "vie-quotidienne": {
        "actions": [
            {
                "service": "Mobilité et transports",
                "titres": [
                    "Covoiturage du quotidien {a_lieu}",
                    "Une application pour le transport à la demande {de_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} a mis en place un service de transport à la demande, réservable en ligne ou par "
                        "téléphone, pour relier les hameaux au centre et à la gare."
                    ),
                ],
                "resultats": [
                    "{n} trajets réalisés la première année.",
                ],
            },
            {
                "service": "Éclairage public connecté",
                "titres": [
                    "L'éclairage public s'adapte à la vie nocturne {a_lieu}",
                    "Éclairage public connecté et sobre",
                ],
                "syntheses": [
                    (
                        "Les lampadaires ont été équipés de LED pilotées à distance : l'éclairage baisse au cœur de "
                        "la nuit et se rallume au passage des piétons."
                    ),
                ],
                "resultats": [
                    "La consommation d'électricité de l'éclairage a baissé de {pct} %.",
                ],
            },
            {
                "service": "Collecte des déchets",
                "titres": [
                    "Des conteneurs connectés pour la collecte {de_lieu}",
                    "Le calendrier de collecte dans la poche",
                ],
                "syntheses": [
                    (
                        "Des capteurs signalent le remplissage des conteneurs, ce qui permet d'adapter les tournées "
                        "de collecte ; les habitants consultent le calendrier en ligne."
                    ),
                ],
                "resultats": [
                    "Les tournées de collecte sont plus courtes d'un quart.",
                ],
            },
            {
                "service": "Restauration scolaire",
                "titres": [
                    "Inscription et menus de la cantine en ligne {a_lieu}",
                    "Moins de gaspillage à la cantine {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Les familles inscrivent et désinscrivent leurs enfants à la cantine en ligne jusqu'à la "
                        "veille, ce qui ajuste les commandes et réduit le gaspillage."
                    ),
                ],
                "resultats": [
                    "Le gaspillage à la cantine a été réduit d'un tiers.",
                ],
            },
            {
                "service": "Petite enfance et familles",
                "titres": [
                    "Un portail famille {a_lieu}",
                    "Demande de place en crèche en ligne {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Un portail famille réunit les demandes de place en crèche, les inscriptions scolaires et "
                        "l'accueil de loisirs."
                    ),
                ],
                "resultats": [
                    "{n} familles utilisent le portail.",
                ],
            },
            {
                "service": "Information en temps réel",
                "titres": [
                    "Travaux, alertes, fermetures : l'information en temps réel {a_lieu}",
                    "Alertes par SMS {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Les habitants qui le souhaitent reçoivent par SMS ou courriel les alertes météo, les "
                        "coupures d'eau et les fermetures de routes."
                    ),
                ],
                "resultats": [
                    "{n} habitants sont inscrits aux alertes.",
                ],
            },
            {
                "service": "Cadre de vie et espaces verts",
                "titres": [
                    "Les jardins partagés {de_lieu} sur une carte",
                    "Arrosage connecté des espaces verts {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Des sondes d'humidité pilotent l'arrosage des espaces verts, et une carte en ligne présente "
                        "les parcs et jardins partagés."
                    ),
                ],
                "resultats": [
                    "La consommation d'eau pour l'arrosage a baissé de {pct} %.",
                ],
            },
            {
                "service": "Stationnement intelligent",
                "titres": [
                    "Trouver une place de stationnement {a_lieu}",
                    "Stationnement : paiement par téléphone {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Les places disponibles des parkings s'affichent en temps réel, et le stationnement se paie "
                        "par téléphone."
                    ),
                ],
                "resultats": [
                    "Le temps passé à chercher une place a nettement diminué dans le centre.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de simplifier la vie quotidienne des habitants.",
            "Il s'agit de réduire les coûts de fonctionnement et l'empreinte écologique.",
            "Le projet répond aux demandes répétées des familles et des habitants des hameaux.",
        ],
        "realisations": [
            "Étude des besoins avec les habitants et les usagers",
            "Expérimentation sur un premier secteur",
            "Mise en service de {outil}",
            "Information des habitants par le bulletin municipal et une réunion publique",
            "Bilan après six mois et extension à tout le territoire",
            "Ouverture des données produites en open data",
        ],
        "resultats": [
            "Les habitants disent gagner du temps au quotidien.",
            "{pct2} % des usagers interrogés sont satisfaits du service.",
        ],
        "recommandations": [
            "Commencer par un quartier pilote avant de généraliser.",
            "Ouvrir les données produites par les capteurs.",
            "Vérifier que le service reste utilisable sans smartphone.",
            "Mesurer avant et après pour savoir ce qu'on a gagné.",
        ],
        "outils": [
            "OpenStreetMap",
            "Umap",
            "LoRaWAN",
            "The Things Network",
            "Publik",
            "Grafana",
            "Node-RED",
        ],
        "partenaires": [
            "le syndicat départemental d'énergie",
            "le syndicat de collecte des déchets",
            "la caisse d'allocations familiales",
            "la région (autorité organisatrice des mobilités)",
            "les associations de parents d'élèves",
        ],
        "publics": [
            "Familles",
            "Habitants des hameaux",
            "Tous les habitants",
            "Parents d'élèves",
            "Seniors",
        ],
        "lieux": [
            "Mairie {de_lieu}",
            "Centre-ville {de_lieu}",
            "Services techniques {de_lieu}",
        ],
        "fonctions": [
            "Directeur des services techniques",
            "Responsable de l'éducation",
            "Chargé de mobilité",
        ],
    },
    "solidarites": {
        "actions": [
            {
                "service": "Lutte contre l'isolement",
                "titres": [
                    "Des tablettes pour rompre l'isolement des aînés {a_lieu}",
                    "Appels de convivialité et visio",
                ],
                "syntheses": [
                    (
                        "Le centre communal d'action sociale prête des tablettes simplifiées aux personnes âgées "
                        "isolées et organise des appels vidéo avec des bénévoles."
                    ),
                ],
                "resultats": [
                    "{pct2} % des personnes équipées utilisent encore leur tablette après six mois.",
                ],
            },
            {
                "service": "Accès aux droits",
                "titres": [
                    "Un simulateur d'aides sociales {a_lieu}",
                    "Tous vos droits en un seul rendez-vous",
                ],
                "syntheses": [
                    (
                        "Un agent du CCAS vérifie avec chaque personne reçue l'ensemble de ses droits à l'aide d'un "
                        "simulateur en ligne."
                    ),
                ],
                "resultats": [
                    "Des droits non réclamés ont été ouverts pour de nombreux ménages.",
                ],
            },
            {
                "service": "Santé et télémédecine",
                "titres": [
                    "Une cabine de téléconsultation {a_lieu}",
                    "Téléconsultation en maison de santé {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Face au manque de médecins, {coll} a installé en {annee} un poste de téléconsultation "
                        "accompagné par une infirmière."
                    ),
                ],
                "resultats": [
                    "{n} téléconsultations la première année, surtout pour des renouvellements d'ordonnance.",
                ],
            },
            {
                "service": "Action sociale en ligne",
                "titres": [
                    "Les aides du CCAS {de_lieu} demandées en ligne",
                    "Un dossier social unique {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Les demandes d'aide du CCAS peuvent être déposées en ligne, et les travailleurs sociaux "
                        "partagent un dossier unique avec l'accord de la personne."
                    ),
                ],
                "resultats": [
                    "Le délai de réponse aux demandes d'aide est passé à une semaine.",
                ],
            },
            {
                "service": "Autonomie des personnes âgées",
                "titres": [
                    "Téléassistance pour les seniors {de_lieu}",
                    "Bien vieillir chez soi {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Un service de téléassistance relié au CCAS permet aux personnes âgées de rester chez elles "
                        "en sécurité."
                    ),
                ],
                "resultats": [
                    "{petit} chutes ont été prises en charge rapidement grâce à la téléassistance.",
                ],
            },
            {
                "service": "Handicap et accessibilité",
                "titres": [
                    "Une carte des lieux accessibles {a_lieu}",
                    "Accueil en langue des signes par visio {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Les personnes sourdes et malentendantes sont accueillies en mairie grâce à un service de "
                        "visio-interprétation en langue des signes."
                    ),
                ],
                "resultats": [
                    "Les personnes sourdes font désormais leurs démarches en mairie sans intermédiaire.",
                ],
            },
            {
                "service": "Aide alimentaire",
                "titres": [
                    "Une épicerie solidaire connectée {a_lieu}",
                    "Gérer l'aide alimentaire sans papier",
                ],
                "syntheses": [
                    (
                        "L'épicerie solidaire gère les stocks et les rendez-vous avec un logiciel partagé entre "
                        "bénévoles, ce qui fait gagner du temps pour l'accueil."
                    ),
                ],
                "resultats": [
                    "Les bénévoles gagnent une demi-journée par semaine.",
                ],
            },
            {
                "service": "Logement",
                "titres": [
                    "Demande de logement social en ligne {a_lieu}",
                    "La bourse aux logements {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Les habitants déposent et suivent en ligne leur demande de logement social, et un agent les "
                        "reçoit pour compléter le dossier."
                    ),
                ],
                "resultats": [
                    "Les dossiers incomplets sont devenus rares.",
                ],
            },
        ],
        "buts": [
            "L'objectif est que personne ne renonce à ses droits faute de savoir ou de pouvoir les demander.",
            "Il s'agit de maintenir le lien avec les personnes les plus isolées.",
            "Le projet répond aux besoins repérés par le CCAS et les associations.",
        ],
        "realisations": [
            "Repérage des besoins avec les associations et les travailleurs sociaux",
            "Formation des agents du CCAS à {outil}",
            "Permanences hebdomadaires sans rendez-vous",
            "Partenariat avec les associations de solidarité du territoire",
            "Information dans les lieux fréquentés : pharmacies, marché, boulangeries",
        ],
        "resultats": [
            "{n} personnes accompagnées chaque année.",
            "{petit} bénévoles mobilisés.",
        ],
        "recommandations": [
            "Aller vers les personnes plutôt qu'attendre qu'elles viennent.",
            "S'appuyer sur les associations déjà présentes.",
            "Prévoir un accompagnement humain à côté de chaque outil.",
            "Demander l'accord des personnes pour partager leurs informations.",
        ],
        "outils": [
            "mes-aides.gouv.fr",
            "Jitsi Meet",
            "Ordissimo",
            "Nextcloud",
            "Elioz",
        ],
        "partenaires": [
            "le centre communal d'action sociale",
            "la caisse d'allocations familiales",
            "l'agence régionale de santé",
            "les Petits Frères des Pauvres",
            "la Croix-Rouge",
            "la maison de santé pluriprofessionnelle",
        ],
        "publics": [
            "Personnes âgées isolées",
            "Personnes en situation de handicap",
            "Ménages modestes",
            "Aidants",
        ],
        "lieux": [
            "CCAS {de_lieu}",
            "Maison de santé {de_lieu}",
            "Épicerie solidaire {de_lieu}",
        ],
        "fonctions": [
            "Directeur du CCAS",
            "Travailleur social",
            "Coordinateur autonomie",
        ],
    },
    "vie-associative": {
        "actions": [
            {
                "service": "Réservation de salles et équipements",
                "titres": [
                    "Réserver une salle municipale en ligne {a_lieu}",
                    "Les équipements sportifs réservables en ligne",
                ],
                "syntheses": [
                    (
                        "Les associations consultent les disponibilités et réservent en ligne les salles et "
                        "équipements municipaux."
                    ),
                ],
                "resultats": [
                    "{n} réservations faites en ligne la première année.",
                ],
            },
            {
                "service": "Annuaire des associations",
                "titres": [
                    "Un annuaire en ligne des associations {de_lieu}",
                    "Trouver une activité près de chez soi {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Un annuaire en ligne, tenu à jour par les associations elles-mêmes, présente les activités, "
                        "les horaires et les contacts."
                    ),
                ],
                "resultats": [
                    "L'annuaire est surtout consulté en septembre, au moment des inscriptions.",
                ],
            },
            {
                "service": "Subventions en ligne",
                "titres": [
                    "Les demandes de subvention en ligne {a_lieu}",
                    "Un dossier de subvention simplifié",
                ],
                "syntheses": [
                    (
                        "Les associations déposent leur demande de subvention en ligne, sans ressaisir chaque année "
                        "les informations déjà connues."
                    ),
                ],
                "resultats": [
                    "Le temps d'instruction des dossiers a baissé de moitié.",
                ],
            },
            {
                "service": "Bénévolat",
                "titres": [
                    "Une plateforme du bénévolat {a_lieu}",
                    "Devenir bénévole près de chez soi",
                ],
                "syntheses": [
                    (
                        "Une plateforme met en relation les habitants qui veulent donner de leur temps et les "
                        "associations qui cherchent des bénévoles."
                    ),
                ],
                "resultats": [
                    "{n} mises en relation entre bénévoles et associations.",
                ],
            },
            {
                "service": "Outils numériques pour les associations",
                "titres": [
                    "Des outils libres pour les associations {de_lieu}",
                    "Ateliers numériques pour les bénévoles",
                ],
                "syntheses": [
                    (
                        "{Coll} propose aux associations des outils libres (agenda, stockage, visio) et des ateliers "
                        "pour apprendre à s'en servir."
                    ),
                ],
                "resultats": [
                    "{petit} ateliers organisés pour les bénévoles.",
                ],
            },
            {
                "service": "Agenda partagé",
                "titres": [
                    "Un agenda partagé des sorties {a_lieu}",
                    "Toutes les animations {de_lieu} dans un agenda",
                ],
                "syntheses": [
                    (
                        "Un agenda en ligne alimenté par les associations et les services municipaux rassemble toutes"
                        " les animations."
                    ),
                ],
                "resultats": [
                    "{n} événements publiés chaque année.",
                ],
            },
            {
                "service": "Forum des associations",
                "titres": [
                    "Le forum des associations {de_lieu} en ligne",
                    "Un forum des associations prolongé sur le web",
                ],
                "syntheses": [
                    (
                        "Le forum annuel des associations est prolongé par une version en ligne, avec des vidéos de "
                        "présentation et les inscriptions."
                    ),
                ],
                "resultats": [
                    "Les vidéos de présentation ont été vues {n} fois.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de soutenir les bénévoles et de leur faire gagner du temps.",
            "Il s'agit de rendre visible la richesse de la vie associative locale.",
            "Le projet répond à une demande de l'office municipal des sports et des associations.",
        ],
        "realisations": [
            "Réunion de lancement avec les présidents d'associations",
            "Mise en ligne de {outil}",
            "Ateliers de prise en main pour les bénévoles",
            "Saisie initiale des informations avec les associations",
            "Bilan annuel avec les associations",
        ],
        "resultats": [
            "Les services municipaux ne ressaisissent plus les informations.",
            "Les associations disent gagner du temps.",
        ],
        "recommandations": [
            "Laisser les associations tenir elles-mêmes leurs informations à jour.",
            "Prévoir un temps d'accompagnement des bénévoles les plus âgés.",
            "Choisir des outils gratuits pour les associations.",
        ],
        "outils": [
            "Framasoft",
            "Nextcloud",
            "HelloAsso",
            "Mobilizon",
            "OpenAgenda",
            "Dolibarr",
            "Jitsi Meet",
        ],
        "partenaires": [
            "l'office municipal des sports",
            "la maison des associations",
            "France Bénévolat",
            "le Mouvement associatif",
            "les associations locales",
        ],
        "publics": [
            "Associations",
            "Bénévoles",
            "Habitants",
        ],
        "lieux": [
            "Maison des associations {de_lieu}",
            "Salle polyvalente {de_lieu}",
            "Mairie {de_lieu}",
        ],
        "fonctions": [
            "Responsable de la vie associative",
            "Chargé de mission vie associative",
        ],
    },
    "cohesion-sociale": {
        "actions": [
            {
                "service": "Tiers-lieux",
                "titres": [
                    "Ouverture d'un tiers-lieu numérique {a_lieu}",
                    "Un tiers-lieu au cœur du quartier {a_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} a ouvert en {annee} un tiers-lieu où se croisent un café associatif, un espace de "
                        "travail partagé, des ateliers numériques et une recyclerie."
                    ),
                ],
                "resultats": [
                    "Le lieu est devenu un point de rendez-vous du quartier.",
                ],
            },
            {
                "service": "Jeunesse",
                "titres": [
                    "Un espace jeunes connecté {a_lieu}",
                    "Les jeunes {de_lieu} font leur web radio",
                ],
                "syntheses": [
                    (
                        "L'espace jeunes propose des ateliers vidéo, une web radio et des jeux en réseau, encadrés "
                        "par des animateurs formés."
                    ),
                ],
                "resultats": [
                    "{petit} projets portés par des jeunes.",
                ],
            },
            {
                "service": "Intergénérationnel",
                "titres": [
                    "Des collégiens initient les seniors au numérique {a_lieu}",
                    "Ateliers intergénérationnels",
                ],
                "syntheses": [
                    (
                        "Des collégiens volontaires accompagnent chaque semaine des seniors dans la découverte de "
                        "leur smartphone et de leur tablette."
                    ),
                ],
                "resultats": [
                    "Des liens durables se sont créés entre collégiens et aînés.",
                ],
            },
            {
                "service": "Quartiers prioritaires",
                "titres": [
                    "Le numérique au pied des immeubles {a_lieu}",
                    "Un bus numérique dans les quartiers {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Des animateurs viennent au pied des immeubles avec du matériel pour des ateliers numériques,"
                        " en lien avec les centres sociaux."
                    ),
                ],
                "resultats": [
                    "Les ateliers touchent des habitants qui ne fréquentaient aucun équipement.",
                ],
            },
            {
                "service": "Égalité femmes-hommes",
                "titres": [
                    "Des filles et du code {a_lieu}",
                    "Ateliers numériques pour les femmes en reprise d'emploi",
                ],
                "syntheses": [
                    (
                        "Des ateliers de programmation réservés aux filles et des rencontres avec des "
                        "professionnelles du numérique visent à ouvrir les métiers du secteur."
                    ),
                ],
                "resultats": [
                    "{pct} % des participantes envisagent un métier du numérique.",
                ],
            },
            {
                "service": "Sport et loisirs",
                "titres": [
                    "Inscriptions en ligne aux activités sportives {de_lieu}",
                    "Le sport-santé connecté {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Les inscriptions aux stages sportifs et aux activités de loisirs se font en ligne, avec un "
                        "tarif calculé selon les revenus."
                    ),
                ],
                "resultats": [
                    "{pct2} % des inscriptions se font désormais en ligne.",
                ],
            },
            {
                "service": "Vie de quartier",
                "titres": [
                    "Une plateforme d'entraide entre voisins {a_lieu}",
                    "La gazette numérique des quartiers",
                ],
                "syntheses": [
                    (
                        "Une plateforme d'entraide permet aux voisins de se prêter des objets, proposer un coup de "
                        "main ou organiser une fête de quartier."
                    ),
                ],
                "resultats": [
                    "{n} voisins inscrits sur la plateforme.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de créer du lien entre des habitants qui ne se croisent pas.",
            "Il s'agit d'offrir aux jeunes un lieu et des projets qui leur ressemblent.",
            "Le projet veut que chacun trouve sa place, quel que soit son âge ou son quartier.",
        ],
        "realisations": [
            "Construction du projet avec les futurs participants",
            "Recrutement d'un animateur",
            "Partenariat avec le centre social et le collège",
            "Programme d'ateliers hebdomadaires",
            "Utilisation de {outil}",
            "Fête de lancement avec les habitants du quartier",
        ],
        "resultats": [
            "{n} participants par an.",
            "Les participants viennent de tous les quartiers.",
        ],
        "recommandations": [
            "Construire le projet avec les habitants, pas pour eux.",
            "Prévoir des horaires adaptés aux jeunes, le soir et le week-end.",
            "S'appuyer sur les structures déjà présentes dans le quartier.",
        ],
        "outils": [
            "Scratch",
            "Audacity",
            "Minetest",
            "Kdenlive",
            "Raspberry Pi",
            "Mobilizon",
        ],
        "partenaires": [
            "le centre social",
            "le collège",
            "la caisse d'allocations familiales",
            "un bailleur social",
            "la mission locale",
            "l'association Femmes et Sciences",
        ],
        "publics": [
            "Jeunes de 12 à 25 ans",
            "Habitants des quartiers prioritaires",
            "Seniors et collégiens",
        ],
        "lieux": [
            "Tiers-lieu {de_lieu}",
            "Espace jeunes {de_lieu}",
            "Centre social {de_lieu}",
        ],
        "fonctions": [
            "Animateur jeunesse",
            "Coordinateur du tiers-lieu",
            "Chef de projet politique de la ville",
        ],
    },
}
