"""Demo texts of the famille « Démocratie & services publics » (placeholders: see fiches/demo/textes.py)."""

DEMOCRATIE_SERVICES_PUBLICS = {
    "services-publics": {
        "actions": [
            {
                "service": "Démarches administratives en ligne",
                "titres": [
                    "Un portail citoyen pour les démarches en ligne {a_lieu}",
                    "Les démarches de la mairie {de_lieu} accessibles jour et nuit",
                ],
                "syntheses": [
                    (
                        "{Coll} a ouvert en {annee} un portail qui réunit les démarches les plus demandées : état "
                        "civil, inscriptions scolaires, urbanisme et réservations."
                    ),
                    (
                        "Depuis {annee}, une quarantaine de démarches se font en ligne, avec un suivi de la demande "
                        "jusqu'à sa réponse."
                    ),
                ],
                "resultats": [
                    "{n} démarches ont été faites en ligne la première année.",
                    "Le délai moyen de réponse est passé de douze à quatre jours.",
                ],
            },
            {
                "service": "Prise de rendez-vous en ligne",
                "titres": [
                    "Prise de rendez-vous en ligne pour les titres d'identité {a_lieu}",
                    "Cartes d'identité et passeports : fini l'attente au guichet {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Depuis {annee}, les habitants réservent en ligne leur rendez-vous pour une carte d'identité "
                        "ou un passeport, et reçoivent un rappel la veille."
                    ),
                ],
                "resultats": [
                    "Les rendez-vous non honorés ont baissé de moitié grâce aux rappels.",
                    "Les files d'attente du samedi matin ont disparu.",
                ],
            },
            {
                "service": "Paiement en ligne",
                "titres": [
                    "Paiement en ligne de la cantine et du périscolaire {a_lieu}",
                    "Un compte unique pour payer les services municipaux {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Les familles paient désormais en ligne la restauration scolaire, l'accueil périscolaire et "
                        "le conservatoire, sur un compte unique."
                    ),
                ],
                "resultats": [
                    "{pct} % des factures sont désormais payées en ligne, et les relances ont diminué.",
                ],
            },
            {
                "service": "Signalement dans l'espace public",
                "titres": [
                    "Signaler un problème dans la rue en trois clics {a_lieu}",
                    "Une application de signalement pour l'espace public {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Une application permet de signaler un dépôt sauvage, un lampadaire éteint ou une chaussée "
                        "abîmée, photo et position à l'appui ; les services répondent sous 48 heures."
                    ),
                ],
                "resultats": [
                    "{n} signalements traités la première année, dont {pct2} % en moins d'une semaine.",
                ],
            },
            {
                "service": "Site internet de la collectivité",
                "titres": [
                    "Refonte du site internet {de_lieu}",
                    "Un nouveau site internet, plus simple et accessible, {a_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} a refait son site internet en {annee} avec un objectif : trouver une information ou "
                        "une démarche en moins de trois clics."
                    ),
                ],
                "resultats": [
                    "Les visites du site ont augmenté et les appels à l'accueil ont baissé.",
                ],
            },
            {
                "service": "Guichet unique et accueil multicanal",
                "titres": [
                    "Un guichet unique pour toutes les démarches {a_lieu}",
                    "Accueil, téléphone, courriel : une seule porte",
                ],
                "syntheses": [
                    (
                        "{Coll} a regroupé l'accueil physique, le téléphone et le courriel dans un seul service, qui "
                        "suit chaque demande jusqu'à sa réponse."
                    ),
                ],
                "resultats": [
                    "{pct2} % des demandes reçoivent une réponse en moins de cinq jours.",
                ],
            },
            {
                "service": "Dématérialisation des actes",
                "titres": [
                    "Zéro papier pour les actes et les délibérations {a_lieu}",
                    "Dématérialisation du courrier en mairie",
                ],
                "syntheses": [
                    (
                        "Depuis {annee}, les délibérations, arrêtés et courriers entrants circulent sous forme "
                        "numérique, du dépôt à la signature et à la transmission au contrôle de légalité."
                    ),
                ],
                "resultats": [
                    "Les actes parviennent au contrôle de légalité en quelques minutes au lieu de plusieurs jours.",
                ],
            },
            {
                "service": "Accessibilité numérique des services",
                "titres": [
                    "Des services en ligne accessibles à tous {a_lieu}",
                    "Audit et mise en accessibilité du site {de_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} a fait auditer ses services en ligne selon le RGAA et corrigé les défauts qui "
                        "gênaient les personnes aveugles, malvoyantes ou ayant des difficultés motrices."
                    ),
                ],
                "resultats": [
                    "Le taux de conformité au RGAA est passé de 40 % à {pct2} %.",
                ],
            },
        ],
        "buts": [
            (
                "L'objectif est de réduire les déplacements et l'attente, sans fermer le guichet à ceux qui en ont "
                "besoin."
            ),
            "Il s'agit de rendre le service public plus simple, plus rapide et plus lisible.",
            "L'action vise d'abord les actifs et les familles, qui ne peuvent pas venir aux heures d'ouverture.",
            "Le projet répond à une demande exprimée par les habitants lors d'une enquête de satisfaction.",
        ],
        "realisations": [
            "Recensement des besoins avec les agents d'accueil et un panel d'usagers",
            "Choix d'une solution ({outil}) après une consultation mutualisée",
            "Tests avec un panel d'habitants, dont des personnes en situation de handicap",
            "Formation des agents au nouvel outil",
            "Vérification de l'accessibilité (RGAA) avant l'ouverture",
            "Information dans le journal municipal et sur les réseaux sociaux",
            "Tableau de bord de suivi des délais de réponse",
            "Maintien d'un accueil physique et téléphonique pour les personnes éloignées du numérique",
        ],
        "resultats": [
            "{pct2} % des usagers interrogés se disent satisfaits.",
            "Les agents d'accueil consacrent plus de temps aux situations complexes.",
        ],
        "recommandations": [
            "Partir des démarches les plus demandées plutôt que de tout dématérialiser d'un coup.",
            "Associer les agents d'accueil dès le début : ce sont eux qui connaissent les usagers.",
            "Garder une alternative humaine pour chaque démarche en ligne.",
            "Faire tester par des habitants avant d'ouvrir le service.",
            "Écrire l'accessibilité dans le cahier des charges, pas après coup.",
        ],
        "outils": [
            "Publik",
            "demarches-simplifiees.fr",
            "PayFiP",
            "Drupal",
            "WordPress",
            "SPIP",
            "Matomo",
        ],
        "partenaires": [
            "la DGFiP",
            "le syndicat informatique départemental",
            "la préfecture",
            "le centre de gestion de la fonction publique territoriale",
            "une association de personnes aveugles et malvoyantes",
        ],
        "publics": [
            "Tous les habitants",
            "Familles",
            "Actifs",
            "Personnes en situation de handicap",
            "Usagers",
        ],
        "lieux": [
            "Hôtel de ville {de_lieu}",
            "Mairie {de_lieu}",
            "Accueil unique {de_lieu}",
        ],
        "fonctions": [
            "Directeur des services à la population",
            "Responsable de l'accueil",
            "Chef de projet administration numérique",
            "Directeur des systèmes d'information",
        ],
    },
    "democratie-locale": {
        "actions": [
            {
                "service": "Budget participatif",
                "titres": [
                    "Budget participatif : les habitants {de_lieu} choisissent leurs projets",
                    "Troisième saison du budget participatif {de_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} consacre chaque année une part de son budget d'investissement à des projets proposés "
                        "puis votés par les habitants, en ligne et dans des urnes installées dans les quartiers."
                    ),
                ],
                "resultats": [
                    "{n} habitants ont voté lors de la dernière édition.",
                    "{petit} projets proposés par des habitants ont été réalisés.",
                ],
            },
            {
                "service": "Consultation et concertation en ligne",
                "titres": [
                    "Une plateforme de participation citoyenne {a_lieu}",
                    "Concertation en ligne sur le réaménagement du centre {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Depuis {annee}, chaque grand projet fait l'objet d'une concertation en ligne, complétée par "
                        "des ateliers et des balades urbaines."
                    ),
                ],
                "resultats": [
                    "{n} contributions recueillies lors de la dernière concertation.",
                ],
            },
            {
                "service": "Retransmission des conseils",
                "titres": [
                    "Les conseils municipaux {de_lieu} en direct et sous-titrés",
                    "Le conseil communautaire retransmis en vidéo",
                ],
                "syntheses": [
                    (
                        "Les séances du conseil sont filmées, diffusées en direct et conservées en ligne, découpées "
                        "par point de l'ordre du jour et sous-titrées."
                    ),
                ],
                "resultats": [
                    "Chaque séance est suivie en moyenne par {n} personnes, en direct ou en différé.",
                ],
            },
            {
                "service": "Données publiques ouvertes",
                "titres": [
                    "Ouverture des données publiques {de_lieu}",
                    "Un portail open data pour {lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} publie ses données (budget, subventions, équipements, marchés) sous licence ouverte, "
                        "dans des formats réutilisables."
                    ),
                ],
                "resultats": [
                    (
                        "{petit} jeux de données publiés, dont plusieurs réutilisés par des associations et des "
                        "étudiants."
                    ),
                ],
            },
            {
                "service": "Conseils de quartier et de jeunes",
                "titres": [
                    "Le conseil municipal des jeunes {de_lieu} passe au numérique",
                    "Des conseils de quartier outillés {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Les conseils de quartier et le conseil municipal des jeunes disposent d'un espace en ligne "
                        "pour préparer leurs séances, publier leurs comptes rendus et suivre leurs propositions."
                    ),
                ],
                "resultats": [
                    "{petit} propositions des conseils ont été retenues par le conseil municipal.",
                ],
            },
            {
                "service": "Transparence de l'action publique",
                "titres": [
                    "Un tableau de bord public des engagements de la mandature",
                    "Suivre en ligne les engagements municipaux {de_lieu}",
                ],
                "syntheses": [
                    (
                        "Un tableau de bord en ligne montre l'avancement de chaque engagement de la mandature, mis à "
                        "jour chaque trimestre par les services."
                    ),
                ],
                "resultats": [
                    "Le tableau de bord est consulté {n} fois par an.",
                ],
            },
            {
                "service": "Vote et sondages citoyens",
                "titres": [
                    "Consultation citoyenne sur les rythmes scolaires {a_lieu}",
                    "Les habitants {de_lieu} donnent leur avis",
                ],
                "syntheses": [
                    (
                        "{Coll} a organisé en {annee} une consultation ouverte à tous les habitants de plus de seize "
                        "ans, en ligne et sur papier."
                    ),
                ],
                "resultats": [
                    "{n} habitants ont donné leur avis.",
                ],
            },
            {
                "service": "Pétitions et interpellations",
                "titres": [
                    "Un droit d'interpellation citoyenne {a_lieu}",
                    "Pétitions locales : le conseil s'engage à répondre",
                ],
                "syntheses": [
                    (
                        "Une pétition qui réunit assez de signatures est inscrite à l'ordre du jour du conseil, qui "
                        "lui répond publiquement."
                    ),
                ],
                "resultats": [
                    "{petit} pétitions ont été débattues en conseil.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de donner aux habitants une vraie prise sur les décisions qui les concernent.",
            "Il s'agit de rendre l'action publique lisible et de rendre compte des choix faits.",
            "Le projet cherche à faire participer ceux qu'on entend peu : jeunes, locataires, nouveaux arrivants.",
            (
                "Les élus voulaient prolonger en ligne les réunions publiques, qui attiraient toujours les mêmes "
                "personnes."
            ),
        ],
        "realisations": [
            "Rédaction d'une charte de la participation avec un groupe d'habitants",
            "Mise en ligne de la plateforme ({outil})",
            "Présentation dans chaque quartier et au marché",
            "Accompagnement des personnes éloignées du numérique pour participer",
            "Publication des résultats et des réponses de la collectivité",
            "Bilan public après un an",
        ],
        "resultats": [
            "{pct} % des participants ne s'étaient jamais impliqués auparavant.",
            "Les élus disent mieux connaître les attentes des habitants.",
        ],
        "recommandations": [
            "Dire dès le départ ce qui sera décidé et ce qui ne le sera pas.",
            "Répondre à chaque contribution, même pour dire non.",
            "Ne jamais se contenter du numérique : garder des urnes et des ateliers.",
            "Choisir un logiciel libre pour garder la main sur les données.",
            "Publier les données brutes avant de faire de belles visualisations.",
        ],
        "outils": [
            "Decidim",
            "Cap Collectif",
            "uData",
            "OpenDataSoft",
            "PeerTube",
            "Jitsi Meet",
        ],
        "partenaires": [
            "Open Data France",
            "les conseils de quartier",
            "l'association Décider ensemble",
            "une association locale d'éducation populaire",
            "l'université voisine",
        ],
        "publics": [
            "Habitants de plus de seize ans",
            "Jeunes",
            "Conseils de quartier",
            "Tous les habitants",
        ],
        "lieux": [
            "Hôtel de ville {de_lieu}",
            "Salle du conseil {de_lieu}",
            "Maison des citoyens {de_lieu}",
        ],
        "fonctions": [
            "Chargé de mission démocratie participative",
            "Responsable de la participation citoyenne",
            "Chef de projet données ouvertes",
        ],
    },
    "cooperation": {
        "actions": [
            {
                "service": "Mutualisation intercommunale",
                "titres": [
                    "Un service informatique commun aux communes du territoire",
                    "Mutualisation du système d'information entre {lieu} et ses voisines",
                ],
                "syntheses": [
                    (
                        "{Coll} partage depuis {annee} un service informatique avec les communes voisines : postes, "
                        "réseau, logiciels métiers et assistance aux agents."
                    ),
                ],
                "resultats": [
                    "Les petites communes bénéficient de la même assistance que la ville-centre.",
                ],
            },
            {
                "service": "Logiciels libres partagés",
                "titres": [
                    "Logiciels libres partagés entre collectivités",
                    "{lieu} verse ses développements en logiciel libre",
                ],
                "syntheses": [
                    (
                        "{Coll} publie sous licence libre les développements qu'elle finance et les partage avec "
                        "d'autres collectivités, qui les améliorent à leur tour."
                    ),
                ],
                "resultats": [
                    "Le logiciel est utilisé par {petit} autres collectivités.",
                ],
            },
            {
                "service": "Coopération décentralisée",
                "titres": [
                    "Coopération numérique avec une ville jumelle d'Afrique de l'Ouest",
                    "Un espace numérique partagé avec une commune partenaire du Maroc",
                ],
                "syntheses": [
                    (
                        "Dans le cadre de sa coopération décentralisée, {coll} accompagne une commune partenaire dans"
                        " l'informatisation de son état civil."
                    ),
                ],
                "resultats": [
                    (
                        "Les naissances de la commune partenaire sont désormais enregistrées dans un état civil "
                        "informatisé."
                    ),
                ],
            },
            {
                "service": "Groupements de commandes",
                "titres": [
                    "Groupement de commandes pour les équipements numériques des écoles",
                    "Acheter ensemble le matériel informatique",
                ],
                "syntheses": [
                    (
                        "Plusieurs collectivités achètent ensemble leurs équipements informatiques et leurs "
                        "abonnements, avec un cahier des charges commun."
                    ),
                ],
                "resultats": [
                    "Les prix obtenus sont inférieurs d'environ un quart à ceux des achats séparés.",
                ],
            },
            {
                "service": "Infrastructures partagées",
                "titres": [
                    "Un réseau de fibre partagé entre les bâtiments publics",
                    "Un centre de données public mutualisé",
                ],
                "syntheses": [
                    (
                        "Les bâtiments publics du territoire sont reliés par un réseau de fibre optique commun, qui "
                        "héberge aussi les serveurs mutualisés."
                    ),
                ],
                "resultats": [
                    "Les abonnements télécoms des bâtiments publics ont été divisés par deux.",
                ],
            },
            {
                "service": "Échanges de pratiques",
                "titres": [
                    "Rencontres régionales des acteurs du numérique public",
                    "Un club des agents du numérique {a_lieu}",
                ],
                "syntheses": [
                    (
                        "{Coll} réunit plusieurs fois par an les agents et élus du numérique des collectivités "
                        "voisines pour partager leurs projets, leurs réussites et leurs échecs."
                    ),
                ],
                "resultats": [
                    "{petit} rencontres organisées depuis le lancement.",
                ],
            },
            {
                "service": "Réseaux d'acteurs publics",
                "titres": [
                    "Adhésion et contribution à un réseau national de collectivités",
                    "Un réseau local du numérique public",
                ],
                "syntheses": [
                    (
                        "{Coll} participe activement à un réseau de collectivités : groupes de travail, retours "
                        "d'expérience, documentation partagée."
                    ),
                ],
                "resultats": [
                    "Plusieurs projets de la collectivité ont été repris par d'autres membres du réseau.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de faire ensemble ce qu'aucune commune ne peut faire seule.",
            "Il s'agit de réduire les coûts et de partager les compétences rares.",
            "Le projet veut éviter que chaque collectivité paie de son côté le même développement.",
            "Les élus ont voulu garder la maîtrise publique des outils et des données.",
        ],
        "realisations": [
            "Convention signée entre les collectivités participantes",
            "Inventaire commun des besoins, des logiciels et des contrats",
            "Mise en place de {outil}",
            "Comité de pilotage réunissant élus et agents de chaque collectivité",
            "Documentation publiée pour que d'autres puissent s'en servir",
            "Journées d'échange entre agents des différentes collectivités",
        ],
        "resultats": [
            "{petit} collectivités participent désormais.",
            "Des agents isolés ont trouvé un réseau d'entraide.",
        ],
        "recommandations": [
            "Écrire clairement qui paie quoi avant de commencer.",
            "Commencer par un petit périmètre qui rend service à tous.",
            "Documenter pour que d'autres puissent reprendre le travail.",
            "Prévoir du temps d'animation : la coopération ne se fait pas toute seule.",
        ],
        "outils": [
            "Nextcloud",
            "GitLab",
            "Zimbra",
            "LibreOffice",
            "Proxmox",
            "GLPI",
            "Mattermost",
        ],
        "partenaires": [
            "l'ADULLACT",
            "les communes membres",
            "le syndicat mixte numérique",
            "Cités Unies France",
            "la Déclic",
            "la région",
        ],
        "publics": [
            "Agents des collectivités",
            "Communes membres",
            "Élus",
            "Collectivités partenaires",
        ],
        "lieux": [
            "Siège de la collectivité, {lieu}",
            "Mairie {de_lieu}",
            "Maison des services {de_lieu}",
        ],
        "fonctions": [
            "Directeur des systèmes d'information mutualisés",
            "Chargé de coopération",
            "Chef de projet",
        ],
    },
    "identite": {
        "actions": [
            {
                "service": "Application mobile de la ville",
                "titres": [
                    "Une application mobile pour {lieu}",
                    "La mairie {de_lieu} dans la poche",
                ],
                "syntheses": [
                    (
                        "{Coll} a lancé en {annee} une application qui rassemble l'agenda, les actualités, les menus "
                        "de la cantine, les alertes et les démarches les plus courantes."
                    ),
                ],
                "resultats": [
                    "{n} téléchargements après un an.",
                ],
            },
            {
                "service": "Réseaux sociaux institutionnels",
                "titres": [
                    "Une présence sur les réseaux sociaux libres {a_lieu}",
                    "{lieu} ouvre un compte sur Mastodon",
                ],
                "syntheses": [
                    (
                        "{Coll} publie ses informations sur plusieurs réseaux sociaux, dont des réseaux libres et "
                        "décentralisés, avec une charte de modération publique."
                    ),
                ],
                "resultats": [
                    "{n} abonnés après un an.",
                ],
            },
            {
                "service": "Cybersécurité",
                "titres": [
                    "Un plan de cybersécurité pour les services {de_lieu}",
                    "Se préparer à une cyberattaque",
                ],
                "syntheses": [
                    (
                        "Après l'attaque d'une collectivité voisine, {coll} a fait auditer son système d'information "
                        "et mis en place un plan de sauvegarde et de continuité."
                    ),
                ],
                "resultats": [
                    (
                        "{pct2} % des agents ont suivi la sensibilisation, et les sauvegardes sont testées chaque "
                        "trimestre."
                    ),
                ],
            },
            {
                "service": "Protection des données personnelles",
                "titres": [
                    "Mise en conformité RGPD des services {de_lieu}",
                    "Un registre des traitements public",
                ],
                "syntheses": [
                    (
                        "{Coll} a désigné un délégué à la protection des données, recensé ses traitements et publié "
                        "son registre."
                    ),
                ],
                "resultats": [
                    "Tous les traitements du registre ont été revus et documentés.",
                ],
            },
            {
                "service": "Lettre d'information",
                "titres": [
                    "Une lettre d'information numérique {a_lieu}",
                    "Les nouvelles de {lieu} par courriel",
                ],
                "syntheses": [
                    (
                        "Chaque mois, une lettre d'information envoyée par courriel reprend les décisions, les "
                        "travaux et les rendez-vous de la commune."
                    ),
                ],
                "resultats": [
                    "Le taux d'ouverture de la lettre atteint {pct} %.",
                ],
            },
            {
                "service": "Affichage dynamique",
                "titres": [
                    "Des écrans d'information dans les lieux publics {de_lieu}",
                    "Affichage dynamique et sobre {a_lieu}",
                ],
                "syntheses": [
                    (
                        "Des écrans installés à la mairie, à la médiathèque et dans les écoles diffusent les "
                        "informations pratiques, éteints la nuit."
                    ),
                ],
                "resultats": [
                    "Les écrans consomment beaucoup moins depuis qu'ils s'éteignent la nuit.",
                ],
            },
            {
                "service": "Archives numériques",
                "titres": [
                    "Archivage électronique des documents {de_lieu}",
                    "Un système d'archivage électronique mutualisé",
                ],
                "syntheses": [
                    (
                        "Les documents produits sous forme numérique sont désormais versés dans un système "
                        "d'archivage électronique qui garantit leur conservation."
                    ),
                ],
                "resultats": [
                    "Les documents numériques sont conservés avec leur valeur de preuve.",
                ],
            },
        ],
        "buts": [
            "L'objectif est de renforcer la confiance des habitants dans leur collectivité.",
            "Il s'agit de moderniser les outils de la collectivité sans rien sacrifier de la sécurité.",
            "Le projet veut rendre la communication et les données de la collectivité plus fiables.",
        ],
        "realisations": [
            "Diagnostic des usages avec un questionnaire aux habitants et aux agents",
            "Choix de {outil} et paramétrage",
            "Charte d'utilisation rédigée avec les services",
            "Formation des agents concernés",
            "Information des habitants dans le bulletin municipal",
        ],
        "resultats": [
            "Les habitants sont informés plus vite et plus sûrement.",
            "Les services savent clairement qui publie quoi.",
        ],
        "recommandations": [
            "Tester réellement la restauration des sauvegardes, pas seulement leur existence.",
            "Choisir des canaux que l'on pourra tenir dans la durée.",
            "Former tous les agents, pas seulement le service informatique.",
            "Garder une version papier pour ceux qui n'ont pas internet.",
        ],
        "outils": [
            "Mastodon",
            "Mailjet",
            "Sympa",
            "Xibo",
            "Veeam",
            "Bitwarden",
            "As@lae",
        ],
        "partenaires": [
            "l'ANSSI",
            "le CSIRT régional",
            "la CNIL",
            "le centre de gestion",
            "les archives départementales",
        ],
        "publics": [
            "Tous les habitants",
            "Agents de la collectivité",
            "Nouveaux habitants",
        ],
        "lieux": [
            "Hôtel de ville {de_lieu}",
            "Mairie {de_lieu}",
            "Service communication, {lieu}",
        ],
        "fonctions": [
            "Responsable de la communication",
            "Délégué à la protection des données",
            "Responsable sécurité",
        ],
    },
}
