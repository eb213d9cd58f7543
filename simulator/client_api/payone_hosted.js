// The PAYONE simulator's stand-in for PAYONE's hosted iFrame script
// (https://secure.pay1.de/client-api/js/v1/payone_hosted_min.js): the same
// API for the merchant's page (Payone.ClientApi.HostedIFrames with
// setCardType, isComplete, creditCardCheck(callbackName) and the
// Payone.ClientApi.Language texts), so a checkout page works unchanged
// against PAYONE and against the simulator; only this script's address
// differs. The card fields are iframes served by the simulator: the card
// number, CVC and expiry never enter the merchant's page. The card number
// field collects its sibling fields (same origin as itself) and calls the
// simulator's Client API; the page receives only the answer (status,
// pseudocardpan, truncatedcardpan, cardtype, cardexpiredate or the error).
(function () {
  'use strict';
  var scriptUrl = document.currentScript.src;
  var simulatorOrigin = new URL(scriptUrl).origin;
  // .../client-api/js/v1/payone_hosted_min.js -> .../client-api/
  var clientApiUrl = new URL('../../', scriptUrl).href;
  var FIELDS = ['cardpan', 'cardcvc2', 'cardexpiremonth', 'cardexpireyear'];

  var Payone = (window.Payone = window.Payone || {});
  Payone.ClientApi = Payone.ClientApi || {};
  Payone.ClientApi.Language = {
    de: {
      code: 'de',
      placeholders: {cardpan: 'Kartennummer', cvc: 'CVC', expireMonth: 'MM', expireYear: 'JJJJ'},
      transactionRejected: 'Die Karte wurde abgelehnt.',
    },
    en: {
      code: 'en',
      placeholders: {cardpan: 'Card number', cvc: 'CVC', expireMonth: 'MM', expireYear: 'YYYY'},
      transactionRejected: 'The card was declined.',
    },
  };

  function HostedIFrames(config, request) {
    var self = this;
    this.config = config || {};
    this.request = request || {};
    this.instance = 'payone' + Math.random().toString(36).slice(2);
    this.cardtype = '';
    this.frames = {};
    this.complete = {};
    this.pendingCallback = null;
    window.addEventListener('message', function (event) {
      var data = event.data;
      if (event.origin !== simulatorOrigin || !data || data.instance !== self.instance) {
        return;
      }
      if (data.type === 'state') {
        self.complete[data.field] = data.complete;
        var detection = self.config.autoCardtypeDetection;
        if (data.field === 'cardpan' && data.detectedCardtype && detection) {
          var supported = detection.supportedCardtypes || [];
          if (!supported.length || supported.indexOf(data.detectedCardtype) >= 0) {
            self.setCardType(data.detectedCardtype);
          }
          if (typeof detection.callback === 'function') {
            detection.callback(data.detectedCardtype);
          }
        }
      } else if (data.type === 'result') {
        var name = self.pendingCallback;
        self.pendingCallback = null;
        var callback = typeof name === 'function' ? name : window[name];
        if (typeof callback === 'function') callback(data.response);
      }
    });
    var language = this.config.language || Payone.ClientApi.Language.en;
    var defaults = this.config.defaultStyle || {};
    FIELDS.forEach(function (name) {
      var field = self.config.fields && self.config.fields[name];
      if (!field) return;
      var host = field.element || document.getElementById(field.selector);
      if (!host) return;
      var select = field.type === 'select';
      var size = field.iframe || defaults.iframe || {};
      var placeholders = language.placeholders || {};
      var query = new URLSearchParams({
        field: name,
        type: field.type || 'text',
        maxlength: field.maxlength || '',
        style: field.style || (select ? defaults.select : defaults.input) || '',
        placeholder: {
          cardpan: placeholders.cardpan,
          cardcvc2: placeholders.cvc,
          cardexpiremonth: placeholders.expireMonth,
          cardexpireyear: placeholders.expireYear,
        }[name] || '',
        instance: self.instance,
        parent: window.location.origin,
      });
      var iframe = document.createElement('iframe');
      iframe.src = clientApiUrl + 'hosted-field?' + query.toString();
      iframe.name = self.instance + '-' + name;
      iframe.title = name;
      iframe.setAttribute('frameborder', '0');
      iframe.setAttribute('scrolling', 'no');
      iframe.style.border = '0';
      iframe.style.width = size.width || '180px';
      iframe.style.height = size.height || '33px';
      host.appendChild(iframe);
      self.frames[name] = iframe;
      self.complete[name] = false;
    });
  }

  HostedIFrames.prototype.setCardType = function (cardtype) {
    this.cardtype = cardtype;
  };
  HostedIFrames.prototype.isCardTypeComplete = function () {
    return this.cardtype !== '';
  };
  HostedIFrames.prototype.isCardpanComplete = function () {
    return !!this.complete.cardpan;
  };
  HostedIFrames.prototype.isCvcComplete = function () {
    return !this.frames.cardcvc2 || !!this.complete.cardcvc2;
  };
  HostedIFrames.prototype.isExpireMonthComplete = function () {
    return !!this.complete.cardexpiremonth;
  };
  HostedIFrames.prototype.isExpireYearComplete = function () {
    return !!this.complete.cardexpireyear;
  };
  HostedIFrames.prototype.isComplete = function () {
    return this.isCardTypeComplete() && this.isCardpanComplete() && this.isCvcComplete() &&
        this.isExpireMonthComplete() && this.isExpireYearComplete();
  };
  // Checks the card with PAYONE (here: the simulator); `callback` is the
  // name of a global function (or a function) that receives the answer.
  HostedIFrames.prototype.creditCardCheck = function (callback) {
    this.pendingCallback = callback;
    this.frames.cardpan.contentWindow.postMessage(
        {type: 'check', instance: this.instance, request: this.request, cardtype: this.cardtype},
        simulatorOrigin);
  };

  Payone.ClientApi.HostedIFrames = HostedIFrames;
})();
