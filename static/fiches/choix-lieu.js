/* arobase — pick a place of a fiche on a map. An enhancement only: the latitude and longitude fields of
 * the form work without it (and are what keyboard and screen-reader users fill in). For each place of
 * the form, a button opens a small map; a click on the map fills both fields. */
(function () {
  "use strict";
  var formset = document.getElementById("lieux");
  var reglages = document.getElementById("reglages-carte-lieux");
  if (!formset || !reglages || !window.L || !window.ArobaseCarte) { return; }
  var FRANCE = [46.6, 2.4];

  function nombre(champ) {
    var valeur = parseFloat((champ.value || "").replace(",", "."));
    return isNaN(valeur) ? null : valeur;
  }

  function ecrire(champ, valeur) {
    champ.value = valeur.toFixed(5).replace(".", ",");
    champ.dispatchEvent(new Event("change", { bubbles: true }));
  }

  formset.querySelectorAll("fieldset.sous-formulaire").forEach(function (lieu) {
    var latitude = lieu.querySelector("input[name$='-latitude']");
    var longitude = lieu.querySelector("input[name$='-longitude']");
    if (!latitude || !longitude) { return; }
    var bouton = document.createElement("button");
    bouton.type = "button";
    bouton.className = "bouton bouton-secondaire";
    bouton.textContent = "Placer sur la carte";
    bouton.setAttribute("aria-expanded", "false");
    var element = document.createElement("div");
    element.className = "carte-choix";
    element.hidden = true;
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", "Carte : un clic place le lieu et remplit sa latitude et sa longitude");
    element.dataset.fond = reglages.dataset.fond;
    element.dataset.tuilesUrl = reglages.dataset.tuilesUrl || "";
    element.dataset.tuilesAttribution = reglages.dataset.tuilesAttribution || "";
    var aide = document.createElement("p");
    aide.className = "aide";
    aide.hidden = true;
    aide.textContent = "Cliquez sur la carte : la latitude et la longitude se remplissent. Zoomez pour plus de précision.";
    lieu.appendChild(bouton);
    lieu.appendChild(aide);
    lieu.appendChild(element);

    var carte = null;
    var marqueur = null;
    function placer(position) {
      if (marqueur) { marqueur.setLatLng(position); } else { marqueur = L.marker(position, { alt: "Lieu choisi" }).addTo(carte); }
    }
    bouton.addEventListener("click", function () {
      var ouvrir = element.hidden;
      element.hidden = !ouvrir;
      aide.hidden = !ouvrir;
      bouton.setAttribute("aria-expanded", String(ouvrir));
      bouton.textContent = ouvrir ? "Fermer la carte" : "Placer sur la carte";
      if (!ouvrir) { return; }
      var lat = nombre(latitude);
      var lon = nombre(longitude);
      if (!carte) {
        carte = window.ArobaseCarte.creer(element, { scrollWheelZoom: false });
        carte.on("click", function (evenement) {
          ecrire(latitude, evenement.latlng.lat);
          ecrire(longitude, evenement.latlng.lng);
          placer(evenement.latlng);
        });
      }
      carte.invalidateSize();
      if (lat !== null && lon !== null) {
        carte.setView([lat, lon], 13);
        placer([lat, lon]);
      } else {
        carte.setView(FRANCE, 5);
      }
    });
  });
})();
