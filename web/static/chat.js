/* The web chat: sends what the person writes to /api/chat and shows the helper's replies.

   Rules this file keeps, because the people using it may be young, frightened, or on a
   computer someone else can look at (tests/web/test_chat.py checks them):
   - every message, the person's and the bot's, goes onto the page as text (textContent and
     text nodes), never parsed as HTML, so markup inside a message is shown, not run;
   - links are made only for web addresses (https, http), email addresses and UK phone
     numbers, each built by hand, so a message can never make a javascript: link;
   - the conversation is kept in sessionStorage only: it survives a reload in this tab and is
     gone when the tab closes (no localStorage, no cookies);
   - "Exit this page", or Shift pressed 3 times, clears it and replaces this page in the tab's
     history, so Back does not come back here;
   - when the server or the bot cannot be reached, the 24/7 routes are shown. */
(function () {
  "use strict";

  // Must equal actions/signposting.py ROUTES_24_7 and web/chat.py UNAVAILABLE: this copy is
  // what the person sees when the web server itself cannot be reached.
  var ROUTES_24_7 = "You can get help any time: call NHS 111 and choose option 2, text SHOUT to 85258, call Childline on 0800 1111 (under 19) or Samaritans on 116 123. In an emergency call 999.";
  var UNAVAILABLE = "Sorry, the chat helper isn't working right now. " + ROUTES_24_7;
  var NO_REPLY = "Sorry, I don't have an answer to that. You could try saying it another way. " + ROUTES_24_7;

  var EXIT_URL = "https://www.bbc.co.uk/weather";
  var STORE_KEY = "wellbeing-chat";
  var MAX_LENGTH = 2000;
  var MAX_KEPT = 200;            // messages restored after a reload
  var WAIT_MS = 45000;           // a little longer than the server's wait for Rasa
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000;    // as GOV.UK's "Exit this page"
  var SENDER_PATTERN = /^[A-Za-z0-9-]{8,64}$/;

  // -- Text into parts: plain text and links (no DOM here, so node can test it) ----------

  // A web address, an email address, or a run of digits and spaces that may be a phone number.
  var CANDIDATES = /(https?:\/\/[^\s<>"']+|www\.[^\s<>"']+)|([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})|((?:\+44 ?)?\d[\d ]*\d)/g;

  function trimAddress(address) {
    // A sentence's full stop or closing bracket after an address is not part of it.
    var end = address.length;
    while (end > 0) {
      var last = address.charAt(end - 1);
      var head = address.slice(0, end);
      if (".,;:!?'\"".indexOf(last) !== -1 ||
          (last === ")" && head.split("(").length < head.split(")").length)) {
        end -= 1;
      } else {
        break;
      }
    }
    return address.slice(0, end);
  }

  // UK numbers only: full numbers (01..., 02..., 03..., 07..., 08..., also as +44), Childline's
  // 0800 1111, and the short codes 999, 111, 112 and 116 xxx. Five-digit SMS short codes
  // (SHOUT's 85258) become sms: links when the text says to text them.
  function phoneLink(run, before) {
    var digits = run.replace(/\D/g, "");
    var national = digits;
    if (run.charAt(0) === "+") {
      national = "0" + digits.slice(2);
    }
    var toText = /\btext(?:\s+\S+\s+to)?\s+$/i.test(before);
    if (/^0[1-9]\d{8,9}$/.test(national) || /^0800\d{4}$/.test(national)) {
      var number = run.charAt(0) === "+" ? "+" + digits : national;
      return { kind: toText ? "sms" : "tel", href: (toText ? "sms:" : "tel:") + number };
    }
    if (run.charAt(0) !== "+" && /^(999|111|112|116\d{3})$/.test(national)) {
      return { kind: "tel", href: "tel:" + national };
    }
    if (run.charAt(0) !== "+" && toText && /^[1-9]\d{4}$/.test(national)) {
      return { kind: "sms", href: "sms:" + national };
    }
    return null;
  }

  function linkParts(text) {
    var parts = [];
    var plain = "";
    var match;
    CANDIDATES.lastIndex = 0;
    function flush() {
      if (plain) { parts.push({ text: plain }); plain = ""; }
    }
    var at = 0;
    while ((match = CANDIDATES.exec(text)) !== null) {
      plain += text.slice(at, match.index);
      at = match.index + match[0].length;
      var found = match[0];
      var link = null;
      var rest = "";
      if (match[1]) {
        var address = trimAddress(found);
        rest = found.slice(address.length);
        found = address;
        if (/[A-Za-z0-9]/.test(address.replace(/^(https?:\/\/|www\.)/, ""))) {
          link = { kind: "web", href: match[1].charAt(0) === "w" ? "https://" + address : address };
        }
      } else if (match[2]) {
        link = { kind: "mailto", href: "mailto:" + found };
      } else {
        var previous = match.index > 0 ? text.charAt(match.index - 1) : "";
        var next = text.charAt(at);
        if (!/[\w\/+.]/.test(previous) && !/[\w\/]/.test(next)) {
          link = phoneLink(found, text.slice(Math.max(0, match.index - 40), match.index));
        }
      }
      if (link) {
        flush();
        parts.push({ text: found, kind: link.kind, href: link.href });
        plain = rest;
      } else {
        plain += found + rest;
      }
    }
    plain += text.slice(at);
    flush();
    return parts;
  }

  if (typeof document === "undefined") {  // under node, for the tests
    if (typeof module === "object" && module.exports) {
      module.exports = { linkParts: linkParts, ROUTES_24_7: ROUTES_24_7, UNAVAILABLE: UNAVAILABLE };
    }
    return;
  }

  // -- The page -----------------------------------------------------------------------------

  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("message");
  var error = document.getElementById("message-error");
  var starters = document.getElementById("starters");
  var typing = document.getElementById("typing");
  var typingText = typing.querySelector(".typing-text");
  var exitLink = document.getElementById("exit");
  var exitStatus = document.getElementById("exit-status");

  var exiting = false;
  var pending = 0;
  var queue = Promise.resolve();
  var inFlight = [];

  function reducedMotion() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  // -- Keeping the conversation in this tab only ----------------------------------------------

  function newSender() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") {
      return window.crypto.randomUUID();
    }
    // randomUUID needs a secure context (https or localhost); the same kind of id otherwise.
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) {
      return (b < 16 ? "0" : "") + b.toString(16);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20),
            hex.slice(20)].join("-");
  }

  // A reply in another language comes marked with its language and direction (web/chat.py);
  // anything else is the page's own language, English.
  var LANG_PATTERN = /^[a-z]{2,3}$/;
  function validLang(m) {
    return m && typeof m.lang === "string" && LANG_PATTERN.test(m.lang) ? m.lang : "";
  }
  function validDir(m) {
    return m && (m.dir === "rtl" || m.dir === "ltr") ? m.dir : "";
  }

  function validButtons(buttons) {
    return Array.isArray(buttons) ? buttons.filter(function (b) {
      return b && typeof b.title === "string" && typeof b.payload === "string";
    }) : [];
  }

  function load() {
    var saved = null;
    try {
      saved = JSON.parse(window.sessionStorage.getItem(STORE_KEY) || "null");
    } catch (e) {
      saved = null;  // storage turned off, or not what this page wrote
    }
    if (!saved || typeof saved.sender !== "string" || !SENDER_PATTERN.test(saved.sender) ||
        !Array.isArray(saved.messages)) {
      return { sender: newSender(), messages: [] };
    }
    var messages = saved.messages.filter(function (m) {
      return m && (m.who === "user" || m.who === "bot") && typeof m.text === "string";
    }).map(function (m) {
      return { who: m.who, text: m.text, buttons: validButtons(m.buttons),
               lang: validLang(m), dir: validDir(m) };
    });
    return { sender: saved.sender, messages: messages.slice(-MAX_KEPT) };
  }

  var state = load();

  function save() {
    if (exiting) { return; }
    try {
      window.sessionStorage.setItem(STORE_KEY, JSON.stringify({
        sender: state.sender, messages: state.messages.slice(-MAX_KEPT)
      }));
    } catch (e) {
      // Storage full or turned off: the chat still works, it just won't survive a reload.
    }
  }

  // -- Showing messages -------------------------------------------------------------------------

  function appendWithLinks(parent, text) {
    linkParts(text).forEach(function (part) {
      if (!part.href) {
        parent.appendChild(document.createTextNode(part.text));
        return;
      }
      var link = document.createElement("a");
      link.setAttribute("href", part.href);
      link.textContent = part.text;
      if (part.kind === "web") {
        link.setAttribute("target", "_blank");
        link.setAttribute("rel", "noopener noreferrer");
        link.className = "new-tab";
        var hint = document.createElement("span");
        hint.className = "visually-hidden";
        hint.textContent = " (opens in a new tab)";
        link.appendChild(hint);
      }
      parent.appendChild(link);
    });
  }

  function clearChoices() {
    var groups = log.querySelectorAll(".choices");
    Array.prototype.forEach.call(groups, function (group) {
      group.parentNode.removeChild(group);
    });
    starters.hidden = true;
  }

  function choicesFor(buttons) {
    var group = document.createElement("div");
    group.className = "choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested replies");
    buttons.forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "choice";
      button.textContent = b.title;
      button.addEventListener("click", function () {
        send(b.payload, b.title);
      });
      group.appendChild(button);
    });
    return group;
  }

  // who: "user", "bot" or "problem" (a message from this page, not the bot).
  function show(who, text, buttons, lang, dir) {
    var item = document.createElement("div");
    item.className = "message message-" + who;
    var label = document.createElement("p");
    label.className = "message-who";
    label.textContent = who === "user" ? "You" : (who === "bot" ? "Helper" : "Connection problem");
    item.appendChild(label);
    if (text) {
      var body = document.createElement("p");
      body.className = "message-text";
      if (who === "user") {
        body.textContent = text;
        body.setAttribute("dir", "auto");  // the person's own words, in any script
      } else {
        appendWithLinks(body, text);
        if (lang) {
          body.setAttribute("lang", lang);
          body.setAttribute("dir", dir || "ltr");
        }
      }
      item.appendChild(body);
    }
    if (buttons && buttons.length) {
      item.appendChild(choicesFor(buttons));
    }
    log.appendChild(item);
    return item;
  }

  function setTyping(on) {
    typing.classList.toggle("is-typing", on);
    typingText.textContent = on ? "The helper is typing" : "";
  }

  function bringIntoView(element, block) {
    if (!element || !element.scrollIntoView) { return; }
    var box = element.getBoundingClientRect();
    if (block === "start" && box.top >= 0 && box.top < window.innerHeight * 0.75) { return; }
    element.scrollIntoView({ block: block, behavior: reducedMotion() ? "auto" : "smooth" });
  }

  // -- Talking to the server ----------------------------------------------------------------------

  function ask(message) {
    var controller = window.AbortController ? new AbortController() : null;
    if (controller) { inFlight.push(controller); }
    var timer = window.setTimeout(function () {
      if (controller) { controller.abort(); }
    }, WAIT_MS);
    return window.fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: state.sender, message: message }),
      credentials: "omit",
      cache: "no-store",
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        if (response.ok && data && Array.isArray(data.messages)) {
          return { messages: data.messages };
        }
        // 503 carries the server's own wording of the routes; anything else gets ours.
        var said = response.status === 503 && data && typeof data.error === "string";
        return { problem: said ? data.error : UNAVAILABLE };
      });
    }, function () {
      return { problem: UNAVAILABLE };
    }).then(function (answer) {
      window.clearTimeout(timer);
      inFlight = inFlight.filter(function (c) { return c !== controller; });
      return answer;
    });
  }

  function showAnswer(answer) {
    if (exiting) { return; }
    if (answer.problem) {
      bringIntoView(show("problem", answer.problem), "start");
      return;
    }
    var messages = answer.messages.map(function (m) {
      return {
        who: "bot",
        text: m && typeof m.text === "string" ? m.text : "",
        buttons: validButtons(m && m.buttons),
        lang: validLang(m),
        dir: validDir(m)
      };
    }).filter(function (m) { return m.text || m.buttons.length; });
    if (!messages.length) {
      messages = [{ who: "bot", text: NO_REPLY, buttons: [] }];
    }
    var first = null;
    messages.forEach(function (m, i) {
      state.messages.push(m);
      // Only the latest reply's buttons are offered: older ones would answer a stale question.
      var element = show("bot", m.text, i === messages.length - 1 ? m.buttons : [], m.lang, m.dir);
      first = first || element;
    });
    save();
    bringIntoView(first, "start");
  }

  // payload goes to the bot; shown is what the person sees as their message (a button's title).
  function send(payload, shown) {
    if (exiting) { return; }
    var hadFocus = document.activeElement;
    clearChoices();
    state.messages.push({ who: "user", text: shown, buttons: [] });
    save();
    show("user", shown);
    // A clicked suggestion has just been removed: carry on in the message box.
    if (hadFocus !== input) { input.focus(); }
    pending += 1;
    setTyping(true);
    bringIntoView(form, "end");
    queue = queue.then(function () {
      return ask(payload.slice(0, MAX_LENGTH));
    }).then(showAnswer).catch(function () {
      // Never leave the person with nothing, and keep the queue going for the next message.
      if (!exiting) { show("problem", UNAVAILABLE); }
    }).then(function () {
      pending -= 1;
      if (!pending) { setTyping(false); }
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) {
      error.textContent = "Type a message first.";
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    input.value = "";
    send(text, text);
  });

  input.addEventListener("input", function () {
    if (error.textContent) {
      error.textContent = "";
      input.removeAttribute("aria-invalid");
    }
  });

  Array.prototype.forEach.call(starters.querySelectorAll("button"), function (button) {
    button.addEventListener("click", function () {
      send(button.textContent, button.textContent);
    });
  });

  // -- Exit this page -------------------------------------------------------------------------

  function exitPage(event) {
    if (event) { event.preventDefault(); }
    exiting = true;
    inFlight.forEach(function (c) { c.abort(); });
    try {
      window.sessionStorage.clear();
    } catch (e) {
      // nothing was stored
    }
    document.title = "Loading";
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    // replace, not assign: this page leaves the tab's history, so Back does not return here.
    window.location.replace(EXIT_URL);
  }

  exitLink.addEventListener("click", exitPage);

  var shiftPresses = 0;
  var shiftTimer = null;
  var lastKeyHadShift = false;

  function resetShift() {
    shiftPresses = 0;
    if (shiftTimer) { window.clearTimeout(shiftTimer); }
    shiftTimer = null;
    exitStatus.textContent = "";
  }

  // Shift on its own, 3 times within 5 seconds (keyup, as GOV.UK): typing capitals never counts.
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !lastKeyHadShift) {
      shiftPresses += 1;
      if (shiftPresses >= SHIFT_PRESSES) {
        exitStatus.textContent = "Leaving this page.";
        exitPage();
        return;
      }
      var left = SHIFT_PRESSES - shiftPresses;
      exitStatus.textContent = "Shift, press " + left + " more " + (left === 1 ? "time" : "times") + " to exit.";
      if (!shiftTimer) { shiftTimer = window.setTimeout(resetShift, SHIFT_WINDOW_MS); }
    } else if (shiftPresses) {
      resetShift();
    }
    lastKeyHadShift = event.shiftKey;
  });

  // -- Start ----------------------------------------------------------------------------------

  state.messages.forEach(function (m, i) {
    show(m.who, m.text, i === state.messages.length - 1 ? m.buttons : [], m.lang, m.dir);
  });
  starters.hidden = state.messages.length > 0;
  form.hidden = false;
})();
