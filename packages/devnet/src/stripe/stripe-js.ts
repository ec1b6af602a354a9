/**
 * A fake Stripe.js for offline runs: `window.Stripe(pk)` with the Elements calls a deferred-intent
 * Payment Element integration makes (`elements({ mode, amount, currency, appearance })`,
 * `create('payment')`, `mount`, `on('change' | 'ready')`, `submit()`, `createPaymentMethod({ elements })`),
 * enough for @stripe/react-stripe-js. Real Stripe.js renders card fields in Stripe's iframes and
 * cannot run offline; this one renders a plain form in a shadow root, labelled on screen as an
 * "Offline Stripe test double", and creates payment methods on devnet's fake Stripe API.
 *
 * Served by devnet at `/devnet/stripe.js`; the page injects it before `loadStripe` (which then
 * finds `window.Stripe` and never loads js.stripe.com). With real keys devnet does not serve it.
 */
export function fakeStripeJs(apiUrl: string | null): string {
  return `/* mppkit devnet: OFFLINE STRIPE TEST DOUBLE. Not Stripe.js. Test cards only; nothing leaves 127.0.0.1. */
(() => {
  // null (stories): payment methods are made up in the page instead of on devnet's fake API.
  const API = ${JSON.stringify(apiUrl === null ? null : apiUrl.replace(/\/+$/, ''))};
  const TEST_CARDS = [
    ['4242 4242 4242 4242', 'pays'],
    ['4000 0000 0000 0002', 'is declined'],
    ['4000 0000 0000 9995', 'has insufficient funds'],
    ['4000 0000 0000 0069', 'has expired'],
  ];
  const digits = (s) => String(s || '').replace(/\\D+/g, '');
  const luhn = (n) => { let sum = 0; for (let i = 0; i < n.length; i++) { let d = +n[n.length - 1 - i]; if (i % 2) { d *= 2; if (d > 9) d -= 9 } sum += d } return sum % 10 === 0 };

  function readCard(values) {
    const number = digits(values.number);
    const exp = digits(values.exp);
    const cvc = digits(values.cvc);
    const month = +exp.slice(0, 2), year = 2000 + +exp.slice(2, 4);
    const now = new Date();
    const errors = {};
    if (!number) errors.number = 'Your card number is incomplete.';
    else if (number.length < 13 || !luhn(number)) errors.number = 'Your card number is invalid.';
    if (exp.length < 4) errors.exp = "Your card's expiration date is incomplete.";
    else if (month < 1 || month > 12) errors.exp = "Your card's expiration date is invalid.";
    else if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) errors.exp = "Your card's expiration year is in the past.";
    if (cvc.length < 3) errors.cvc = "Your card's security code is incomplete.";
    return { number, month, year, cvc, errors, empty: !number && !exp && !cvc };
  }

  function css(appearance) {
    const dark = appearance.theme === 'night';
    const v = Object.assign({
      colorPrimary: dark ? '#7c9cff' : '#635bff',
      colorBackground: dark ? '#1f2230' : '#ffffff',
      colorText: dark ? '#e8eaf2' : '#30313d',
      colorTextSecondary: dark ? '#a3a8bd' : '#6d6e78',
      colorDanger: dark ? '#ff7a7a' : '#df1b41',
      borderRadius: '6px',
      fontFamily: 'system-ui, sans-serif',
      fontSizeBase: '15px',
    }, appearance.variables || {});
    const border = v.colorBorder || (dark ? '#3a3f55' : '#d9dbe3');
    return \`
      :host { all: initial; display: block; font-family: \${v.fontFamily}; font-size: \${v.fontSizeBase}; color: \${v.colorText}; }
      .root { display: grid; gap: 10px; }
      .badge { margin: 0; padding: 6px 10px; border: 1px dashed \${v.colorDanger}; border-radius: \${v.borderRadius}; font-size: 12px; font-weight: 600; color: \${v.colorDanger}; letter-spacing: .01em; }
      label { display: grid; gap: 4px; font-size: 13px; color: \${v.colorTextSecondary}; }
      input { font: inherit; color: \${v.colorText}; background: \${v.colorBackground}; border: 1px solid \${border}; border-radius: \${v.borderRadius}; padding: 10px 12px; outline: none; min-width: 0; }
      input:focus { border-color: \${v.colorPrimary}; box-shadow: 0 0 0 3px color-mix(in srgb, \${v.colorPrimary} 25%, transparent); }
      input[aria-invalid="true"] { border-color: \${v.colorDanger}; }
      .row { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
      .error { margin: 0; font-size: 13px; color: \${v.colorDanger}; }
      .error:empty { display: none; }
      details { font-size: 12px; color: \${v.colorTextSecondary}; }
      summary { cursor: pointer; }
      ul { margin: 6px 0 0; padding-left: 18px; }
      code { font-family: ui-monospace, monospace; }
    \`;
  }

  function createPaymentElement(group, type) {
    const listeners = {};
    let host = null, root = null, style = null, fields = null, destroyed = false;
    const emit = (name, event) => (listeners[name] || []).slice().forEach((cb) => cb(event));
    const values = () => fields ? { number: fields.number.value, exp: fields.exp.value, cvc: fields.cvc.value } : {};

    function showErrors(errors) {
      const first = errors.number || errors.exp || errors.cvc || '';
      for (const k of ['number', 'exp', 'cvc']) fields[k].setAttribute('aria-invalid', errors[k] ? 'true' : 'false');
      fields.error.textContent = first;
    }
    function changed() {
      const card = readCard(values());
      if (fields.error.textContent) showErrors(card.errors);
      emit('change', { elementType: type, empty: card.empty, complete: Object.keys(card.errors).length === 0, collapsed: false, value: { type: 'card' } });
    }
    function formatNumber() { const d = digits(fields.number.value).slice(0, 19); fields.number.value = d.replace(/(.{4})(?=.)/g, '$1 '); changed() }
    function formatExp() { const d = digits(fields.exp.value).slice(0, 4); fields.exp.value = d.length > 2 ? d.slice(0, 2) + ' / ' + d.slice(2) : d; changed() }

    const element = {
      type,
      mount(target) {
        if (destroyed) throw new Error('This Element has been destroyed.');
        const node = typeof target === 'string' ? document.querySelector(target) : target;
        if (!node) throw new Error('The offline Stripe double could not find the mount point.');
        host = document.createElement('div');
        host.setAttribute('data-stripe-double', 'payment');
        node.appendChild(host);
        root = host.attachShadow({ mode: 'open' });
        style = document.createElement('style');
        style.textContent = css(group._appearance());
        const wrap = document.createElement('div');
        wrap.className = 'root';
        wrap.innerHTML = \`
          <p class="badge">Offline Stripe test double — not real Stripe. Test cards only.</p>
          <label>Card number<input name="number" inputmode="numeric" autocomplete="off" placeholder="1234 1234 1234 1234" spellcheck="false"></label>
          <div class="row">
            <label>Expiration date<input name="exp" inputmode="numeric" autocomplete="off" placeholder="MM / YY"></label>
            <label>Security code<input name="cvc" inputmode="numeric" autocomplete="off" placeholder="CVC" maxlength="4"></label>
          </div>
          <p class="error" role="alert"></p>
          <details><summary>Test cards</summary><ul>\${TEST_CARDS.map(([n, what]) => '<li><code>' + n + '</code> ' + what + '</li>').join('')}</ul><p>Any future expiry date and any 3-digit code.</p></details>\`;
        root.append(style, wrap);
        fields = { number: wrap.querySelector('[name=number]'), exp: wrap.querySelector('[name=exp]'), cvc: wrap.querySelector('[name=cvc]'), error: wrap.querySelector('.error') };
        fields.number.addEventListener('input', formatNumber);
        fields.exp.addEventListener('input', formatExp);
        fields.cvc.addEventListener('input', () => { fields.cvc.value = digits(fields.cvc.value).slice(0, 4); changed() });
        for (const k of ['number', 'exp', 'cvc']) {
          fields[k].addEventListener('focus', () => emit('focus', { elementType: type }));
          fields[k].addEventListener('blur', () => emit('blur', { elementType: type }));
        }
        setTimeout(() => { emit('loaderstart', { elementType: type }); emit('ready', { elementType: type }) }, 0);
      },
      unmount() { if (host) host.remove(); host = root = fields = null },
      destroy() { element.unmount(); destroyed = true; group._forget(element) },
      on(name, cb) { (listeners[name] = listeners[name] || []).push(cb); return element },
      off(name, cb) { listeners[name] = (listeners[name] || []).filter((x) => cb && x !== cb); return element },
      once(name, cb) { const w = (e) => { element.off(name, w); cb(e) }; return element.on(name, w) },
      update() {},
      focus() { fields && fields.number.focus() },
      blur() {},
      clear() { if (fields) { fields.number.value = fields.exp.value = fields.cvc.value = ''; changed() } },
      collapse() {},
      _restyle() { if (style) style.textContent = css(group._appearance()) },
      _mounted() { return !!fields },
      _card(show) { const card = readCard(values()); if (show) showErrors(card.errors); return card },
    };
    return element;
  }

  function createElements(options) {
    let opts = Object.assign({}, options);
    let created = [];
    const group = {
      create(type, elementOptions) {
        if (type !== 'payment' && type !== 'card') throw new Error('The offline Stripe double implements only the Payment Element, not "' + type + '".');
        const el = createPaymentElement(group, type, elementOptions);
        created.push(el);
        return el;
      },
      getElement(type) { return created.find((e) => e.type === type) || null },
      update(next) { opts = Object.assign(opts, next); created.forEach((e) => e._restyle()) },
      fetchUpdates: async () => ({}),
      async submit() {
        const el = created.find((e) => e._mounted());
        if (!el) return { error: { type: 'validation_error', message: 'The payment form is not mounted.' } };
        const card = el._card(true);
        const message = card.errors.number || card.errors.exp || card.errors.cvc;
        return message ? { error: { type: 'validation_error', message } } : {};
      },
      _appearance: () => opts.appearance || {},
      _forget: (el) => { created = created.filter((e) => e !== el) },
      _mounted: () => created.find((e) => e._mounted()),
    };
    return group;
  }

  function Stripe(key) {
    if (typeof key !== 'string' || !/^pk_test_/.test(key)) throw new Error('The offline Stripe test double takes a pk_test_ key.');
    const unsupported = async () => ({ error: { type: 'invalid_request_error', message: 'Not implemented by the offline Stripe test double.' } });
    return {
      elements: (options) => createElements(options || {}),
      async createPaymentMethod(params) {
        const el = params && params.elements && params.elements._mounted();
        if (!el) return { error: { type: 'invalid_request_error', message: 'createPaymentMethod needs { elements } with a mounted Payment Element.' } };
        const card = el._card(true);
        if (Object.keys(card.errors).length) return { error: { type: 'validation_error', message: card.errors.number || card.errors.exp || card.errors.cvc } };
        if (API === null) return { paymentMethod: { id: 'pm_story_' + card.number.slice(-4), object: 'payment_method', type: 'card', livemode: false, card: { last4: card.number.slice(-4) } } };
        const body = new URLSearchParams({ type: 'card', 'card[number]': card.number, 'card[exp_month]': String(card.month), 'card[exp_year]': String(card.year), 'card[cvc]': card.cvc });
        try {
          const response = await fetch(API + '/v1/payment_methods', { method: 'POST', headers: { Authorization: 'Bearer ' + key, 'Content-Type': 'application/x-www-form-urlencoded' }, body });
          const json = await response.json();
          return response.ok ? { paymentMethod: json } : { error: json.error };
        } catch (e) {
          return { error: { type: 'api_connection_error', message: 'Could not reach the offline Stripe test double.' } };
        }
      },
      createToken: unsupported,
      createConfirmationToken: unsupported,
      confirmCardPayment: unsupported,
      confirmPayment: unsupported,
      registerAppInfo() {},
      _registerWrapper() {},
      _devnetDouble: true,
    };
  }
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
`
}
