/* arobase — the small map of a fiche's places. The list of places under it is the text equivalent. */
(function () {
  "use strict";
  var element = document.getElementById("carte-lieux");
  var source = document.getElementById("lieux-donnees");
  if (!element || !source || !window.L || !window.ArobaseCarte) { return; }
  var lieux = JSON.parse(source.textContent);
  if (!lieux.length) { return; }
  var carte = window.ArobaseCarte.creer(element, { scrollWheelZoom: false });
  var marqueurs = lieux.map(function (lieu) {
    return L.marker([lieu.latitude, lieu.longitude], { alt: lieu.nom, title: lieu.nom })
      .bindPopup(window.ArobaseCarte.texte("strong", lieu.nom));
  });
  var groupe = L.featureGroup(marqueurs).addTo(carte);
  carte.fitBounds(groupe.getBounds(), { maxZoom: 9, padding: [30, 30] });
})();
