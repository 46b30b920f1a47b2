/* The dossier page: nothing typed is ever lost.
 *
 * Each question's form saves itself with htmx (hx-post on input, with a delay). Around it, this script:
 * - keeps every value not yet acknowledged by the server in localStorage ("arobase:dossier:<dossier>-<question>"),
 *   with the version it was typed on; a 200 removes it; anything else (network lost, session expired, conflict,
 *   invalid value) keeps it;
 * - on page load, puts such values back in their fields and sends them again, with the version they were typed
 *   on: if someone saved meanwhile, the server answers 409 and the person chooses (never a silent overwrite);
 * - retries every 20 s and when the network comes back;
 * - reads the CSRF token from its cookie at each request (logging in again in another tab changes it);
 * - swaps the 409/422/401 fragments into the question's status, and shows a banner when the session expired.
 * Files cannot be kept by a browser: a file not sent must be chosen again.
 */
(function () {
  "use strict";

  const PREFIXE = "arobase:dossier:";
  const RELANCE_MS = 20000;

  function cookie(nom) {
    const morceau = document.cookie.split("; ").find((c) => c.startsWith(nom + "="));
    return morceau ? decodeURIComponent(morceau.slice(nom.length + 1)) : "";
  }

  function stockage() {
    try {
      const essai = PREFIXE + "essai";
      window.localStorage.setItem(essai, "1");
      window.localStorage.removeItem(essai);
      return window.localStorage;
    } catch (erreur) {
      return null; // private mode or disabled: autosave still works, only the offline safety net is missing
    }
  }
  const local = stockage();

  function valeursDu(formulaire) {
    return new FormData(formulaire).getAll("valeur").map(String);
  }

  function versionDu(formulaire) {
    const champ = formulaire.querySelector('input[name="version"]');
    return champ ? champ.value : "0";
  }

  function lire(cle) {
    if (!local) return null;
    try {
      return JSON.parse(local.getItem(PREFIXE + cle) || "null");
    } catch (erreur) {
      return null;
    }
  }

  function garder(formulaire) {
    if (!local) return;
    const cle = formulaire.dataset.autosave;
    const deja = lire(cle);
    // The version kept is the one the person started typing on: a later save by someone else stays a conflict.
    const version = deja ? deja.version : versionDu(formulaire);
    local.setItem(PREFIXE + cle, JSON.stringify({ valeurs: valeursDu(formulaire), version: version, le: Date.now() }));
  }

  function oublier(cle, valeursEnvoyees) {
    if (!local) return;
    const garde = lire(cle);
    if (garde && (valeursEnvoyees === undefined || JSON.stringify(garde.valeurs) === valeursEnvoyees)) {
      local.removeItem(PREFIXE + cle);
    }
  }

  function remettre(formulaire, valeurs) {
    formulaire.querySelectorAll('[name="valeur"]').forEach((champ) => {
      if (champ.type === "checkbox" || champ.type === "radio") {
        champ.checked = valeurs.includes(champ.value);
      } else {
        champ.value = valeurs.length ? valeurs[valeurs.length - 1] : "";
      }
    });
  }

  function bandeau(id, visible) {
    const element = document.getElementById(id);
    if (element) element.hidden = !visible;
  }

  function formulaireDe(element) {
    return element && element.closest ? element.closest("form[data-autosave]") : null;
  }

  function relancer() {
    document.querySelectorAll("form[data-autosave]").forEach((formulaire) => {
      if (lire(formulaire.dataset.autosave) && !formulaire.querySelector(".conflit")) {
        formulaire.dataset.repondu = "";
        htmx.trigger(formulaire, "enregistrer");
      }
    });
  }

  document.addEventListener("htmx:configRequest", (evenement) => {
    const jeton = cookie("csrftoken");
    if (jeton) {
      evenement.detail.headers["X-CSRFToken"] = jeton;
      if (evenement.detail.verb !== "get") evenement.detail.parameters["csrfmiddlewaretoken"] = jeton;
    }
    const formulaire = formulaireDe(evenement.detail.elt);
    if (!formulaire) return;
    const valeurs = JSON.stringify(valeursDu(formulaire));
    // The same values the server just answered (a "change" after the "input" already sent, a click that leaves
    // the field during a conflict): nothing new to send. A button of the form (keep mine) always goes.
    if (evenement.detail.elt === formulaire && valeurs === formulaire.dataset.repondu) {
      evenement.preventDefault();
      return;
    }
    garder(formulaire);
    formulaire.dataset.envoi = valeurs;
  });

  document.addEventListener("htmx:beforeSwap", (evenement) => {
    const statut = evenement.detail.xhr.status;
    const cible = evenement.detail.target;
    const dansUneQuestion = cible && cible.closest && cible.closest(".question");
    if (statut === 409 || statut === 422) {
      evenement.detail.shouldSwap = true;
      evenement.detail.isError = false;
    } else if (statut === 401 || (statut === 403 && !evenement.detail.xhr.getResponseHeader("X-Dossier-Refus"))) {
      // Session expired, or the CSRF check failed with it: keep the values, say how to log in again.
      bandeau("alerte-session", true);
      evenement.detail.shouldSwap = Boolean(dansUneQuestion) && statut === 401;
      evenement.detail.isError = false;
    } else if (statut === 403) {
      evenement.detail.shouldSwap = Boolean(dansUneQuestion);
      evenement.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterRequest", (evenement) => {
    const formulaire = formulaireDe(evenement.detail.elt);
    const statut = evenement.detail.xhr ? evenement.detail.xhr.status : 0;
    if (formulaire) {
      // Answered with a decision the same values would get again: saved, a conflict to settle, refused.
      formulaire.dataset.repondu = [200, 409, 422].includes(statut) ? formulaire.dataset.envoi : "";
    }
    if (statut >= 200 && statut < 300) {
      bandeau("alerte-session", false);
      bandeau("alerte-reseau", false);
      if (formulaire) oublier(formulaire.dataset.autosave, formulaire.dataset.envoi);
    }
  });

  document.addEventListener("htmx:sendError", (evenement) => {
    bandeau("alerte-reseau", true);
    const formulaire = formulaireDe(evenement.detail.elt);
    const etat = formulaire && formulaire.querySelector(".etat-reponse p");
    if (etat) etat.textContent = "Non envoyé (connexion perdue) : gardé dans ce navigateur, envoi au retour du réseau.";
  });

  document.addEventListener("click", (evenement) => {
    const bouton = evenement.target.closest && evenement.target.closest("[data-abandonner]");
    if (bouton) oublier(bouton.dataset.abandonner);
  });

  function restaurer() {
    document.querySelectorAll("form[data-autosave]").forEach((formulaire) => {
      const garde = lire(formulaire.dataset.autosave);
      if (!garde) return;
      if (JSON.stringify(garde.valeurs) === JSON.stringify(valeursDu(formulaire))) {
        oublier(formulaire.dataset.autosave);
        return;
      }
      remettre(formulaire, garde.valeurs);
      const version = formulaire.querySelector('input[name="version"]');
      if (version) version.value = garde.version;
      const etat = formulaire.querySelector(".etat-reponse p");
      if (etat) etat.textContent = "Saisie non envoyée retrouvée dans ce navigateur : envoi…";
      htmx.trigger(formulaire, "enregistrer");
    });
  }

  function demarrer() {
    window.setTimeout(restaurer, 0); // after htmx has set up the forms (it does so on DOMContentLoaded)
  }

  window.addEventListener("online", relancer);
  window.setInterval(relancer, RELANCE_MS);
  if (document.readyState === "complete") {
    demarrer();
  } else {
    document.addEventListener("DOMContentLoaded", demarrer);
  }
})();
