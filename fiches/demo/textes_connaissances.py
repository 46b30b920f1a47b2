"""Demo texts of the famille « Partage des connaissances » (placeholders: see fiches/demo/textes.py)."""

PARTAGE_DES_CONNAISSANCES = {
    "education": {
        "actions": [
            {
                "service": "Équipement numérique des écoles",
                "titres": [
                    "Les écoles {de_lieu} équipées de tableaux numériques",
                    "Des classes mobiles pour les écoles",
                ],
                "syntheses": [
                    (
                        "{Coll} a équipé ses écoles de vidéoprojecteurs interactifs et de classes mobiles, choisis "
                        "avec les enseignants."
                    ),
                ],
                "resultats": [
                    "{pct2} % des enseignants utilisent le matériel chaque semaine.",
                ],
            },
            {
                "service": "Espace numérique de travail",
                "titres": [
                    "Un espace numérique de travail pour les écoles {de_lieu}",
                    "L'ENT relie écoles et familles",
                ],
                "syntheses": [
                    (
                        "Toutes les écoles de la commune disposent d'un espace numérique de travail qui relie "
                        "enseignants, élèves et familles."
                    ),
                ],
                "resultats": [
                    "Les familles échangent plus facilement avec les enseignants.",
                ],
            },
            {
                "service": "Robotique et code",
                "titres": [
                    "Ateliers de robotique dans les écoles {de_lieu}",
                    "Les élèves {de_lieu} apprennent à coder",
                ],
                "syntheses": [
                    (
                        "Des ateliers de programmation et de robotique sont proposés dans les classes et pendant le "
                        "temps périscolaire."
                    ),
                ],
                "resultats": [
                    "Chaque élève de CM2 a programmé un robot avant d'entrer au collège.",
                ],
            },
            {
                "service": "Éducation aux médias",
                "titres": [
                    "Éducation aux médias et à l'information {a_lieu}",
                    "Démêler le vrai du faux en ligne",
                ],
                "syntheses": [
                    (
                        "Avec des journalistes, les élèves apprennent à vérifier une information, reconnaître une "
                        "rumeur et protéger leur vie privée en ligne."
                    ),
                ],
                "resultats": [
                    "Selon leurs enseignants, les élèves repèrent mieux les fausses informations.",
                ],
            },
            {
                "service": "Numérique éducatif",
                "titres": [
                    "Un plan numérique pour les écoles {de_lieu}",
                    "Des ressources libres pour les enseignants",
                ],
                "syntheses": [
                    (
                        "Le plan numérique des écoles, écrit avec l'Éducation nationale, prévoit matériel, ressources"
                        " libres et formation."
                    ),
                ],
                "resultats": [
                    "Toutes les classes disposent désormais d'un équipement de base.",
                ],
            },
            {
                "service": "Périscolaire",
                "titres": [
                    "Des ateliers numériques au périscolaire {a_lieu}",
                    "Le numérique au centre de loisirs",
                ],
                "syntheses": [
                    (
                        "Les animateurs du périscolaire proposent des ateliers de création numérique : stop-motion, "
                        "jeux de programmation, podcast."
                    ),
                ],
                "resultats": [
                    "Les ateliers affichent complet chaque trimestre.",
                ],
            },
            {
                "service": "Formation tout au long de la vie",
                "titres": [
                    "Des cours en ligne ouverts aux adultes {a_lieu}",
                    "Apprendre à tout âge {a_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} ouvre aux adultes une plateforme de cours en ligne et des ateliers pour se former à "
                        "son rythme."
                    ),
                ],
                "resultats": [
                    "{n} adultes inscrits à au moins un cours.",
                ],
            },
            {
                "service": "Soutien scolaire en ligne",
                "titres": [
                    "Aide aux devoirs en ligne {a_lieu}",
                    "Soutien scolaire en visio avec des étudiants",
                ],
                "syntheses": [
                    (
                        "Des étudiants bénévoles aident les collégiens à faire leurs devoirs, en visio ou à la "
                        "médiathèque."
                    ),
                ],
                "resultats": [
                    "{n} séances de soutien par an.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de donner à tous les élèves les mêmes chances face au numérique.",
            "Il s'agit d'apprendre aux enfants à comprendre le numérique, pas seulement à l'utiliser.",
            "Le projet a été construit avec les équipes enseignantes et les familles.",
        ],
        "realisations": [
            "Concertation avec les enseignants et l'inspection",
            "Déploiement de {outil}",
            "Formation des enseignants et des animateurs",
            "Maintenance assurée par le service informatique",
            "Prêt de matériel aux familles qui en manquent",
            "Bilan en fin d'année scolaire avec les équipes",
        ],
        "resultats": [
            "{petit} écoles concernées.",
            "{n} élèves concernés.",
        ],
        "recommandations": [
            "Partir des projets pédagogiques, pas du matériel.",
            "Prévoir la maintenance et le renouvellement dès l'achat.",
            "Former les enseignants avant de livrer le matériel.",
            "Préférer des ressources libres et réutilisables.",
        ],
        "outils": [
            "Moodle",
            "Open ENT NG",
            "Primtux",
            "Thymio",
            "Scratch",
            "Vittascience",
            "La Digitale",
        ],
        "partenaires": [
            "l'Éducation nationale",
            "l'inspection de circonscription",
            "le réseau Canopé",
            "les associations de parents d'élèves",
            "le CLEMI",
        ],
        "publics": [
            "Élèves des écoles élémentaires",
            "Enseignants",
            "Familles",
            "Collégiens",
            "Adultes",
        ],
        "lieux": [
            "École Jules-Ferry, {lieu}",
            "Groupe scolaire {de_lieu}",
            "Médiathèque {de_lieu}",
        ],
        "fonctions": [
            "Responsable de l'éducation",
            "Conseiller numérique éducatif",
            "Animateur périscolaire",
        ],
    },
    "culture": {
        "actions": [
            {
                "service": "Médiathèque numérique",
                "titres": [
                    "La médiathèque {de_lieu} prête des liseuses",
                    "Livres, films et presse en ligne à la médiathèque",
                ],
                "syntheses": [
                    (
                        "La médiathèque propose des livres numériques, de la presse et des films en ligne, et prête "
                        "des liseuses préchargées."
                    ),
                ],
                "resultats": [
                    "{n} prêts numériques par an.",
                ],
            },
            {
                "service": "Fablab",
                "titres": [
                    "Un fablab à la médiathèque {de_lieu}",
                    "Imprimantes 3D et découpe laser {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Un fablab ouvert à tous propose imprimantes 3D, découpeuse laser et machines à coudre, avec "
                        "des bénévoles pour accompagner les projets."
                    ),
                ],
                "resultats": [
                    "{n} objets fabriqués, réparés ou prototypés la première année.",
                ],
            },
            {
                "service": "Création numérique",
                "titres": [
                    "Résidence d'artistes numériques {a_lieu}",
                    "Une exposition d'art numérique {a_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} accueille chaque année des artistes en résidence qui travaillent avec les habitants "
                        "sur une création numérique."
                    ),
                ],
                "resultats": [
                    "{petit} œuvres créées avec les habitants.",
                ],
            },
            {
                "service": "Jeux vidéo et ludothèque",
                "titres": [
                    "Des jeux vidéo à la médiathèque {de_lieu}",
                    "Tournois de jeux vidéo en famille",
                ],
                "syntheses": [
                    (
                        "La médiathèque a ouvert un espace de jeux vidéo avec des tournois en famille et des ateliers"
                        " de création de jeux."
                    ),
                ],
                "resultats": [
                    "Les adolescents sont revenus à la médiathèque.",
                ],
            },
            {
                "service": "Musées et expositions virtuelles",
                "titres": [
                    "Les collections du musée {de_lieu} en ligne",
                    "Une exposition virtuelle {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Les collections du musée sont photographiées, décrites et publiées en ligne sous licence "
                        "ouverte."
                    ),
                ],
                "resultats": [
                    "{n} œuvres publiées en ligne sous licence ouverte.",
                ],
            },
            {
                "service": "Billetterie en ligne",
                "titres": [
                    "La billetterie du théâtre {de_lieu} en ligne",
                    "Réserver ses places de spectacle en ligne",
                ],
                "syntheses": [
                    (
                        "Les spectateurs réservent et paient leurs places en ligne, et le billet arrive sur leur "
                        "téléphone."
                    ),
                ],
                "resultats": [
                    "{pct2} % des places sont réservées en ligne.",
                ],
            },
            {
                "service": "Lecture publique",
                "titres": [
                    "Un réseau de bibliothèques et un catalogue commun",
                    "Un portail unique pour les bibliothèques",
                ],
                "syntheses": [
                    (
                        "Les bibliothèques du territoire partagent un catalogue, une carte de lecteur unique et une "
                        "navette qui circule entre elles."
                    ),
                ],
                "resultats": [
                    "Les prêts ont augmenté de {pct} % sur le réseau.",
                ],
            },
            {
                "service": "Festivals numériques",
                "titres": [
                    "Un festival des cultures numériques {a_lieu}",
                    "La semaine du numérique {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Chaque année, un festival propose pendant une semaine ateliers, conférences et spectacles "
                        "autour des cultures numériques."
                    ),
                ],
                "resultats": [
                    "{n} visiteurs lors de la dernière édition.",
                ],
            },
        ],
        "buts": [
            "L'objectif est d'ouvrir la culture à ceux qui ne franchissent pas la porte des équipements.",
            "Il s'agit de faire des habitants des créateurs, pas seulement des spectateurs.",
            "Le projet prolonge et renouvelle l'offre culturelle de la collectivité.",
        ],
        "realisations": [
            "Aménagement d'un espace dédié",
            "Mise en place de {outil}",
            "Formation de l'équipe",
            "Programmation d'ateliers tout au long de l'année",
            "Partenariats avec les écoles et les associations",
            "Communication dans l'agenda culturel",
        ],
        "resultats": [
            "{pct} % de nouveaux publics parmi les participants.",
            "L'équipement attire des habitants qui ne le fréquentaient pas.",
        ],
        "recommandations": [
            "Former l'équipe avant d'ouvrir.",
            "Prévoir des créneaux libres en plus des ateliers.",
            "Publier les collections sous licence ouverte.",
            "S'appuyer sur les bénévoles passionnés du territoire.",
        ],
        "outils": [
            "Koha",
            "Omeka",
            "PMB",
            "Bibliondemand",
            "Blender",
            "Inkscape",
            "Ultimaker Cura",
        ],
        "partenaires": [
            "la bibliothèque départementale",
            "la direction régionale des affaires culturelles",
            "les écoles",
            "un collectif d'artistes",
            "le réseau des fablabs",
        ],
        "publics": [
            "Tous publics",
            "Familles",
            "Adolescents",
            "Lecteurs",
            "Scolaires",
        ],
        "lieux": [
            "Médiathèque {de_lieu}",
            "Musée {de_lieu}",
            "Théâtre municipal {de_lieu}",
        ],
        "fonctions": [
            "Directeur de la médiathèque",
            "Médiateur culturel",
            "Responsable du fablab",
        ],
    },
    "patrimoine": {
        "actions": [
            {
                "service": "Numérisation du patrimoine",
                "titres": [
                    "Numérisation des registres paroissiaux {de_lieu}",
                    "Le patrimoine {de_lieu} numérisé",
                ],
                "syntheses": [
                    (
                        "{Coll} a fait numériser ses registres anciens, cartes postales et plans, désormais "
                        "consultables en ligne."
                    ),
                ],
                "resultats": [
                    "{n} documents numérisés.",
                ],
            },
            {
                "service": "Visites virtuelles",
                "titres": [
                    "Visite virtuelle de l'église {de_lieu}",
                    "Le château {de_lieu} en visite virtuelle",
                ],
                "syntheses": [
                    (
                        "Une visite virtuelle permet de découvrir les monuments fermés au public ou inaccessibles aux"
                        " personnes à mobilité réduite."
                    ),
                ],
                "resultats": [
                    "Les personnes à mobilité réduite découvrent enfin l'intérieur du monument.",
                ],
            },
            {
                "service": "Parcours patrimoniaux géolocalisés",
                "titres": [
                    "Un parcours patrimonial géolocalisé {a_lieu}",
                    "Balade connectée dans le vieux bourg {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Des panneaux munis de QR codes jalonnent un parcours dans la ville ancienne, avec textes, "
                        "photos anciennes et commentaires audio."
                    ),
                ],
                "resultats": [
                    "{n} promeneurs ont suivi le parcours la première saison.",
                ],
            },
            {
                "service": "Mémoire locale",
                "titres": [
                    "Collecte de la mémoire des habitants {de_lieu}",
                    "Les anciens racontent {lieu}",
                ],
                "syntheses": [
                    (
                        "Des bénévoles recueillent les souvenirs des anciens en vidéo ; les témoignages sont publiés "
                        "en ligne et conservés aux archives."
                    ),
                ],
                "resultats": [
                    "{petit} heures de témoignages enregistrées.",
                ],
            },
            {
                "service": "Archives en ligne",
                "titres": [
                    "Les archives municipales {de_lieu} en ligne",
                    "Délibérations anciennes consultables en ligne",
                ],
                "syntheses": [
                    (
                        "Les archives municipales publient en ligne leurs fonds les plus demandés, avec un moteur de "
                        "recherche."
                    ),
                ],
                "resultats": [
                    "Des familles ont retrouvé des documents sur leurs ancêtres.",
                ],
            },
            {
                "service": "Patrimoine naturel",
                "titres": [
                    "Inventaire participatif de la biodiversité {a_lieu}",
                    "Un atlas de la biodiversité communale",
                ],
                "syntheses": [
                    (
                        "Les habitants participent à l'inventaire de la faune et de la flore en publiant leurs "
                        "observations sur une plateforme partagée."
                    ),
                ],
                "resultats": [
                    "{n} observations partagées par les habitants.",
                ],
            },
            {
                "service": "Réalité augmentée",
                "titres": [
                    "Le village d'autrefois en réalité augmentée {a_lieu}",
                    "Remonter le temps en réalité augmentée",
                ],
                "syntheses": [
                    (
                        "Avec une application de réalité augmentée, les promeneurs voient apparaître les bâtiments "
                        "disparus à leur emplacement d'origine."
                    ),
                ],
                "resultats": [
                    "L'application a été téléchargée {n} fois.",
                ],
            },
            {
                "service": "Toponymie et histoire locale",
                "titres": [
                    "L'histoire des noms de rues {de_lieu}",
                    "Un dictionnaire en ligne des lieux-dits",
                ],
                "syntheses": [
                    (
                        "Une carte en ligne explique l'origine du nom de chaque rue et de chaque lieu-dit, à partir "
                        "des recherches d'une association d'histoire locale."
                    ),
                ],
                "resultats": [
                    "Chaque rue de la commune a désormais sa notice.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de faire connaître et de transmettre le patrimoine du territoire.",
            "Il s'agit de protéger ce qui est fragile tout en le rendant accessible.",
            "Le projet associe les habitants à la connaissance de leur patrimoine.",
        ],
        "realisations": [
            "Inventaire des fonds et des sites avec l'association d'histoire locale",
            "Rédaction des textes avec des bénévoles",
            "Publication sur {outil}",
            "Inauguration avec les écoles",
            "Choix d'une licence ouverte pour les contenus",
        ],
        "resultats": [
            "{n} consultations en ligne par an.",
            "{petit} classes ont travaillé sur le projet.",
        ],
        "recommandations": [
            "Travailler avec les archives départementales pour les normes de numérisation.",
            "Publier sous licence ouverte pour permettre la réutilisation.",
            "Impliquer les associations d'histoire locale dès le début.",
        ],
        "outils": [
            "Omeka",
            "Wikimedia Commons",
            "OpenStreetMap",
            "izi.TRAVEL",
            "iNaturalist",
            "Panoramax",
            "QGIS",
        ],
        "partenaires": [
            "les archives départementales",
            "l'association d'histoire locale",
            "l'Office français de la biodiversité",
            "le parc naturel régional",
            "Wikimédia France",
        ],
        "publics": [
            "Habitants",
            "Touristes",
            "Scolaires",
            "Chercheurs et généalogistes",
        ],
        "lieux": [
            "Archives municipales {de_lieu}",
            "Église {de_lieu}",
            "Centre ancien {de_lieu}",
        ],
        "fonctions": [
            "Archiviste",
            "Chargé du patrimoine",
            "Responsable des archives",
        ],
    },
    "mediation": {
        "actions": [
            {
                "service": "Espace public numérique",
                "titres": [
                    "Ouverture d'un espace public numérique {a_lieu}",
                    "L'espace public numérique {de_lieu} s'agrandit",
                ],
                "syntheses": [
                    (
                        "{Coll} a ouvert en {annee} un espace public numérique avec six postes, une imprimante et un "
                        "médiateur, en accès libre et en ateliers."
                    ),
                ],
                "resultats": [
                    "{n} ateliers organisés depuis l'ouverture.",
                ],
            },
            {
                "service": "Conseillers numériques",
                "titres": [
                    "Deux conseillers numériques au service des habitants {de_lieu}",
                    "Des conseillers numériques itinérants",
                ],
                "syntheses": [
                    (
                        "Des conseillers numériques accompagnent les habitants dans leurs usages du quotidien : "
                        "courriel, démarches, sécurité, santé en ligne."
                    ),
                ],
                "resultats": [
                    "Les conseillers ont réalisé {n} accompagnements.",
                ],
            },
            {
                "service": "Ateliers d'initiation",
                "titres": [
                    "Ateliers d'initiation au numérique pour les seniors {a_lieu}",
                    "Apprivoiser son smartphone",
                ],
                "syntheses": [
                    (
                        "Des cycles de dix séances permettent aux débutants de prendre en main un ordinateur ou un "
                        "smartphone, en petits groupes."
                    ),
                ],
                "resultats": [
                    "{pct2} % des débutants envoient seuls un courriel à la fin du cycle.",
                ],
            },
            {
                "service": "Accompagnement aux démarches",
                "titres": [
                    "Un accompagnement aux démarches en ligne {a_lieu}",
                    "Permanences d'aide aux démarches",
                ],
                "syntheses": [
                    (
                        "Des permanences sans rendez-vous aident les habitants à faire leurs démarches en ligne : "
                        "impôts, CAF, retraite, permis de conduire."
                    ),
                ],
                "resultats": [
                    "L'accueil de la mairie oriente désormais systématiquement vers les permanences.",
                ],
            },
            {
                "service": "Reconditionnement de matériel",
                "titres": [
                    "Des ordinateurs reconditionnés pour les familles {de_lieu}",
                    "Une seconde vie pour le matériel",
                ],
                "syntheses": [
                    (
                        "Les ordinateurs réformés de la collectivité sont reconditionnés sous Linux et donnés à des "
                        "familles et associations."
                    ),
                ],
                "resultats": [
                    "Des dizaines de familles et {petit} associations ont été équipées.",
                ],
            },
            {
                "service": "Médiation itinérante",
                "titres": [
                    "Un bus numérique sillonne le territoire",
                    "La médiation numérique va dans les villages",
                ],
                "syntheses": [
                    (
                        "Un véhicule équipé va chaque semaine dans les villages pour des ateliers et des "
                        "accompagnements au plus près des habitants."
                    ),
                ],
                "resultats": [
                    "{petit} villages desservis chaque semaine.",
                ],
            },
            {
                "service": "Aidants numériques",
                "titres": [
                    "Former les aidants numériques {de_lieu}",
                    "Les agents d'accueil deviennent aidants numériques",
                ],
                "syntheses": [
                    (
                        "Les agents d'accueil et les travailleurs sociaux sont formés pour repérer les difficultés "
                        "numériques et orienter vers les bons interlocuteurs."
                    ),
                ],
                "resultats": [
                    "{petit} agents formés comme aidants numériques.",
                ],
            },
            {
                "service": "Pass numérique",
                "titres": [
                    "Des pass numériques pour se former gratuitement {a_lieu}",
                    "Pass numériques : un carnet de chèques",
                ],
                "syntheses": [
                    (
                        "{Coll} distribue des pass numériques qui donnent droit à des ateliers gratuits chez des "
                        "structures de médiation labellisées."
                    ),
                ],
                "resultats": [
                    "{n} pass numériques distribués.",
                ],
            },
            {
                "service": "Inclusion numérique",
                "titres": [
                    "Un plan d'inclusion numérique {a_lieu}",
                    "Personne laissé de côté par le numérique {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Le plan d'inclusion numérique coordonne tous les acteurs de la médiation du territoire, avec"
                        " un annuaire et une orientation commune."
                    ),
                ],
                "resultats": [
                    "{petit} structures de médiation coordonnées sur le territoire.",
                ],
            },
        ],
        "buts": [
            "L'objectif est que chacun puisse faire ses démarches en ligne sans dépendre d'un proche.",
            "Il s'agit de réduire la fracture numérique, qui touche près d'un habitant sur cinq.",
            "Le projet répond aux difficultés constatées chaque jour à l'accueil de la mairie.",
        ],
        "realisations": [
            "Recrutement et formation d'un médiateur numérique",
            "Installation de {outil} sur les postes",
            "Programme d'ateliers affiché dans les commerces",
            "Orientation depuis l'accueil de la mairie et du CCAS",
            "Évaluation du niveau de chaque personne accueillie",
            "Partenariat avec les structures de médiation du territoire",
        ],
        "resultats": [
            "{n} personnes accompagnées la première année.",
            "{pct2} % des participants se disent plus autonomes.",
        ],
        "recommandations": [
            "Aller vers les publics : ils viennent rarement d'eux-mêmes.",
            "Travailler en petits groupes, au rythme de chacun.",
            "Partir des besoins concrets des personnes (une démarche, un message à un petit-enfant).",
            "Coordonner les acteurs de la médiation pour éviter les doublons.",
        ],
        "outils": [
            "Linux Mint",
            "PrimTux",
            "Aidants Connect",
            "PIX",
            "Emmabuntüs",
            "LibreOffice",
        ],
        "partenaires": [
            "France services",
            "la MedNum",
            "Emmaüs Connect",
            "le Hub territorial pour un numérique inclusif",
            "le CCAS",
            "la médiathèque",
        ],
        "publics": [
            "Seniors",
            "Personnes éloignées du numérique",
            "Demandeurs d'emploi",
            "Tous les habitants",
        ],
        "lieux": [
            "Espace public numérique {de_lieu}",
            "Médiathèque {de_lieu}",
            "France services {de_lieu}",
        ],
        "fonctions": [
            "Conseiller numérique",
            "Médiateur numérique",
            "Responsable de l'espace public numérique",
        ],
    },
}
