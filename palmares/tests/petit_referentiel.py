"""A small référentiel in memory (no database) for the tests of the resolver and the parser.

Real codes and names, a few of each trap: homonyms, communes déléguées, œ, Corsica, overseas, EPCI.
"""

from territoires.resolution import Referentiel

REGIONS = [("28", "Normandie"), ("32", "Hauts-de-France"), ("53", "Bretagne"), ("75", "Nouvelle-Aquitaine")]
REGIONS += [("27", "Bourgogne-Franche-Comté"), ("84", "Auvergne-Rhône-Alpes"), ("04", "La Réunion")]
REGIONS += [("11", "Île-de-France"), ("24", "Centre-Val de Loire"), ("44", "Grand Est"), ("52", "Pays de la Loire")]
REGIONS += [("94", "Corse")]
DEPARTEMENTS = [
    ("17", "Charente-Maritime", "75"),
    ("70", "Haute-Saône", "27"),
    ("59", "Nord", "32"),
    ("80", "Somme", "32"),
    ("50", "Manche", "28"),
    ("49", "Maine-et-Loire", "52"),
    ("22", "Côtes-d'Armor", "53"),
    ("74", "Haute-Savoie", "84"),
    ("2A", "Corse-du-Sud", "94"),
    ("2B", "Haute-Corse", "94"),
    ("974", "La Réunion", "04"),
    ("93", "Seine-Saint-Denis", "11"),
    ("51", "Marne", "44"),
    ("02", "Aisne", "32"),
    ("21", "Côte-d'Or", "27"),
    ("01", "Ain", "84"),
    ("36", "Indre", "24"),
    ("90", "Territoire de Belfort", "27"),
    ("75", "Paris", "11"),
    ("73", "Savoie", "84"),
    ("23", "Creuse", "75"),
]
# (code_insee, type, nom, population, departement, parent)
COMMUNES = [
    ("17300", "COM", "La Rochelle", 75735, "17", None),
    ("70450", "COM", "La Rochelle", 39, "70", None),
    ("59526", "COM", "Saint-Amand-les-Eaux", 15889, "59", None),
    ("80021", "COM", "Amiens", 135429, "80", None),
    ("50129", "COM", "Cherbourg-en-Cotentin", 78263, "50", None),
    ("50129", "COMD", "Cherbourg-Octeville", 35493, "50", "50129"),
    ("50602", "COMD", "Tourlaville", 15904, "50", "50129"),
    ("74010", "COM", "Annecy", 126924, "74", None),
    ("74010", "COMD", "Annecy", 54074, "74", "74010"),
    ("74011", "COMD", "Annecy-le-Vieux", 20866, "74", "74010"),
    ("22093", "COM", "Lamballe-Armor", 17000, "22", None),
    ("22093", "COMD", "Lamballe", 12382, "22", "22093"),
    ("93066", "COM", "Saint-Denis", 141441, "93", None),
    ("97411", "COM", "Saint-Denis", 147931, "974", None),
    ("2A004", "COM", "Ajaccio", 70659, "2A", None),
    ("2B033", "COM", "Bastia", 45715, "2B", None),
    ("51410", "COM", "Œuilly", 648, "51", None),
    ("02565", "COM", "Œuilly", 290, "02", None),
    ("49099", "COM", "Cholet", 53917, "49", None),
    ("21231", "COM", "Dijon", 156920, "21", None),
    ("01448", "COM", "Villes", 300, "01", None),
    ("36024", "COM", "Bretagne", 120, "36", None),
    ("90019", "COM", "Bretagne", 200, "90", None),
    ("75056", "COM", "Paris", 2187526, "75", None),
    ("13201", "ARM", "Marseille 1er Arrondissement", 40000, "13", None),
]
# (siren, nom, nature, population, departement, departements des membres)
EPCIS = [
    ("248000531", "Communauté d'agglomération Amiens Métropole", "CA", 178000, "80", {"80"}),
    ("241700434", "Communauté d'agglomération de La Rochelle", "CA", 169732, "17", {"17"}),
    ("200041010", "Communauté de communes Cœur de Savoie", "CC", 36724, "73", {"73"}),
    ("249740119", "Communauté d'agglomération Intercommunale du Nord de la Réunion (CINOR)", "CA", 205275, "974", {"974"}),
    ("200067544", "Creuse Confluence", "CC", 17000, "23", {"23"}),
    ("242100410", "Dijon Métropole", "ME", 255000, "21", {"21"}),
]  # fmt: skip


def petit_referentiel():
    return Referentiel(communes=COMMUNES, epcis=EPCIS, departements=DEPARTEMENTS, regions=REGIONS)
