/* arobase — /carte/: the published fiches in view, loaded by bounding box from carte/donnees/.
 * Up to the server's cap, every place comes as a marker, clustered by Leaflet.markercluster; beyond, the
 * server sends clusters per grid cell. The list under the map (text equivalent) follows the view.
 * Keyboard: the map pans with the arrows and zooms with + and -; markers and clusters are focusable, Enter
 * opens a marker's popup or zooms into a cluster. */
(function () {
  "use strict";
  var element = document.getElementById("carte-fiches");
  if (!element || !window.L || !window.ArobaseCarte || !L.markerClusterGroup) { return; }

  var texte = window.ArobaseCarte.texte;
  var etat = document.getElementById("carte-etat");
  var liste = document.getElementById("carte-liste");
  var suite = document.getElementById("carte-suite");
  var lienListe = etat.querySelector("a");
  var MAX_LISTE = 100;
  var METROPOLE = [[41.3, -5.2], [51.1, 9.6]];
  var ENTREE = 13;
  var format = new Intl.NumberFormat("fr-FR");

  var carte = window.ArobaseCarte.creer(element, { zoomSnap: 0.5 });
  carte.fitBounds(METROPOLE);

  var grappes = L.markerClusterGroup({
    showCoverageOnHover: false,
    chunkedLoading: true,
    iconCreateFunction: function (grappe) { return icone(grappe.getChildCount()); }
  });
  grappes.on("clusterkeypress", function (evenement) {
    if (evenement.originalEvent.keyCode === ENTREE) { evenement.layer.zoomToBounds({ padding: [20, 20] }); }
  });
  var groupes = L.layerGroup();
  carte.addLayer(grappes);
  carte.addLayer(groupes);

  function pluriel(n, mot, pluriel_) { return format.format(n) + " " + (n >= 2 ? (pluriel_ || mot + "s") : mot); }

  function icone(n) {
    var classe = n < 10 ? "petit" : (n < 100 ? "moyen" : "grand");
    var cote = n < 10 ? 32 : (n < 100 ? 38 : 46);
    return L.divIcon({
      html: "<span>" + format.format(n) + "</span><span class=\"visuellement-cache\"> " +
        (n >= 2 ? "lieux" : "lieu") + " : zoomer</span>",
      className: "grappe grappe-" + classe,
      iconSize: L.point(cote, cote)
    });
  }

  function urlFiche(id) { return element.dataset.urlFiche.replace("/0/", "/" + id + "/"); }

  function popup(point) {
    var bloc = document.createElement("div");
    var lien = texte("a", point[3]);
    lien.href = urlFiche(point[0]);
    bloc.appendChild(lien);
    bloc.appendChild(texte("div", point[4], "aide"));
    return bloc;
  }

  function borne(valeur, min, max) { return Math.max(min, Math.min(max, valeur)); }

  function bbox() {
    var b = carte.getBounds();
    return [
      borne(b.getWest(), -180, 180), borne(b.getSouth(), -90, 90),
      borne(b.getEast(), -180, 180), borne(b.getNorth(), -90, 90)
    ].map(function (n) { return n.toFixed(4); }).join(",");
  }

  function dire(message) {
    etat.textContent = message + " ";
    etat.appendChild(lienListe);
  }

  function lister(points) {
    var vues = {};
    var fiches = [];
    points.forEach(function (point) {
      if (!vues[point[0]]) { vues[point[0]] = true; fiches.push(point); }
    });
    fiches.sort(function (a, b) { return a[3].localeCompare(b[3], "fr"); });
    liste.replaceChildren.apply(liste, fiches.slice(0, MAX_LISTE).map(function (point) {
      var item = document.createElement("li");
      var lien = texte("a", point[3]);
      lien.href = urlFiche(point[0]);
      item.appendChild(lien);
      item.appendChild(document.createTextNode(" — " + point[4]));
      return item;
    }));
    suite.hidden = fiches.length <= MAX_LISTE;
    return fiches.length;
  }

  function afficher(donnees) {
    grappes.clearLayers();
    groupes.clearLayers();
    if (donnees.mode === "points") {
      grappes.addLayers(donnees.points.map(function (point) {
        return L.marker([point[1], point[2]], { alt: point[3], title: point[3] + " — " + point[4] })
          .bindPopup(popup(point));
      }));
      var nombre = lister(donnees.points);
      if (!donnees.total) {
        dire("Aucune fiche dans la zone affichée : déplacez la carte, dézoomez ou retirez des filtres.");
      } else {
        dire(pluriel(nombre, "fiche") + " dans la zone affichée (" + pluriel(donnees.total, "lieu", "lieux") + ")" +
          (nombre > MAX_LISTE ? ", les " + MAX_LISTE + " premières par titre ci-dessous." : ", listées ci-dessous."));
      }
      return;
    }
    donnees.groupes.forEach(function (groupe) {
      var marqueur = L.marker([groupe[0], groupe[1]], { icon: icone(groupe[2]), title: pluriel(groupe[2], "lieu", "lieux") });
      marqueur.on("click", function () { carte.setView(marqueur.getLatLng(), carte.getZoom() + 2); });
      marqueur.on("keypress", function (evenement) {
        if (evenement.originalEvent.keyCode === ENTREE) { carte.setView(marqueur.getLatLng(), carte.getZoom() + 2); }
      });
      groupes.addLayer(marqueur);
    });
    liste.replaceChildren();
    suite.hidden = false;
    dire(pluriel(donnees.total, "lieu", "lieux") + " dans la zone affichée : trop pour les lister ici, ils sont " +
      "regroupés par secteur. Zoomez sur un secteur pour voir ses fiches, ou");
    lienListe.textContent = "consultez-les sous forme de liste dans l'observatoire";
  }

  var controleur = null;
  var minuterie = null;

  function charger() {
    if (controleur) { controleur.abort(); }
    controleur = new AbortController();
    var url = element.dataset.donnees + "?bbox=" + bbox() + (element.dataset.filtres ? "&" + element.dataset.filtres : "");
    fetch(url, { signal: controleur.signal, headers: { Accept: "application/json" } })
      .then(function (reponse) {
        return reponse.json().then(function (donnees) { return { ok: reponse.ok, donnees: donnees }; });
      })
      .then(function (resultat) {
        if (!resultat.ok) { dire(resultat.donnees.erreur || "Les lieux n'ont pas pu être chargés."); return; }
        lienListe.textContent = "Voir ces fiches sous forme de liste dans l'observatoire";
        afficher(resultat.donnees);
      })
      .catch(function (erreur) {
        if (erreur.name !== "AbortError") { dire("Les lieux n'ont pas pu être chargés : déplacez la carte pour réessayer."); }
      });
  }

  carte.on("moveend", function () {
    clearTimeout(minuterie);
    minuterie = setTimeout(charger, 200);
  });
  charger();

  var raccourcis = document.querySelector(".territoires-carte");
  if (raccourcis) {
    raccourcis.hidden = false;
    raccourcis.addEventListener("click", function (evenement) {
      var bouton = evenement.target.closest("button[data-vue]");
      if (!bouton) { return; }
      var v = bouton.dataset.vue.split(",").map(Number);
      carte.fitBounds([[v[1], v[0]], [v[3], v[2]]]);
      element.focus();
    });
  }
})();
