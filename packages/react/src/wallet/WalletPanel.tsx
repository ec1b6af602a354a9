import { formatMoney, shortAddress, type Money } from '@mppkit/core'
import { chainOf, isUserRejection, type TokenInfo, type WalletInput } from '@mppkit/core/wallet'
import { useEffect, useState } from 'react'
import type { Address } from 'viem'
import { signTypedData } from 'viem/actions'
import type { Config } from 'wagmi'
import { connect, getConnectorClient, switchChain } from 'wagmi/actions'
import type { RailPanelProps } from '../rail'
import { readTokenFacts, type TokenFacts } from './erc20'
import { useConnection, useConnectors, useWagmiConfig } from './useWalletConnection'

export type WalletPanelProps = RailPanelProps<WalletInput> & {
  /** A wagmi config to use when the app has no `WagmiProvider`. */
  config?: Config | undefined
  tokens?: readonly TokenInfo[] | undefined
}

type Facts = { key: string; facts?: TokenFacts; failed?: boolean }

/**
 * Pays an MPP `evm/charge` or x402 `exact` offer with a browser wallet: connect, check the chain
 * (switch when needed) and the token balance, then sign an EIP-3009 authorization. The account,
 * chain, token and recipient are shown before signing; an offer the account cannot afford is
 * disabled with the reason, so the wallet is never asked to sign what would fail.
 */
export default function WalletPanel({ offer, busy, submit, locale, config: given, tokens = [] }: WalletPanelProps) {
  const chainId = chainOf(offer)
  const { config } = useWagmiConfig(given, chainId)
  const connection = useConnection(config)
  const connectors = useConnectors(config)
  const [pending, setPending] = useState<'connect' | 'switch' | undefined>()
  const [problem, setProblem] = useState<string | undefined>()
  const [facts, setFacts] = useState<Facts | undefined>()

  const token = offer.amount.currency as Address
  const known = tokens.find((t) => t.chainId === chainId && t.address.toLowerCase() === token.toLowerCase())
  const address = connection.address
  const onChain = connection.status === 'connected' && connection.chainId === chainId
  const factsKey = `${address}:${connection.chainId}:${token}`

  useEffect(() => {
    if (!onChain || !address || chainId === undefined) return
    let live = true
    getConnectorClient(config, { chainId })
      .then((client) => readTokenFacts(client, token, address))
      .then(
        (read) => live && setFacts({ key: factsKey, facts: read }),
        () => live && setFacts({ key: factsKey, failed: true }),
      )
    return () => {
      live = false
    }
    // `busy` turning false after a payment re-reads the balance.
  }, [config, onChain, address, chainId, token, factsKey, busy])

  const current = facts?.key === factsKey ? facts : undefined
  const read = current?.facts
  const amount = displayAmount(offer.amount, offer.request.decimalsKnown === false, known, read)
  const chainName = config.chains.find((c) => c.id === chainId)?.name ?? `chain ${chainId ?? '?'}`
  const authorization = known?.name && known.version ? { name: known.name, version: known.version } : read?.name && read.version ? { name: read.name, version: read.version } : undefined

  // Why the pay button is disabled (undefined: it is enabled).
  let blocked: string | undefined
  if (chainId === undefined) blocked = 'The offer does not say which chain it is on.'
  else if (connection.status !== 'connected') blocked = 'Connect a wallet to pay.'
  else if (!onChain) blocked = `Your wallet is on ${chainLabel(config, connection.chainId)}. This payment is on ${chainName}.`
  else if (!current) blocked = 'Reading your balance…'
  else if (current.failed || read?.balance === undefined) blocked = 'Your token balance could not be read, so this payment cannot be checked.'
  else if (amount.mismatch) blocked = amount.mismatch
  else if (read.balance < offer.amount.value)
    blocked = `This account holds ${formatMoney({ ...amount.money, value: read.balance }, { locale })}; the payment needs ${formatMoney(amount.money, { locale })}.`
  else if (offer.method === 'evm' && offer.protocol === 'mpp' && !authorization) blocked = 'This token does not say how to sign for it (EIP-712 name and version), so it cannot be paid here.'

  const run = async (kind: 'connect' | 'switch', action: () => Promise<unknown>) => {
    setPending(kind)
    setProblem(undefined)
    try {
      await action()
    } catch (error) {
      setProblem(
        isUserRejection(error)
          ? kind === 'connect'
            ? 'You declined the connection in your wallet.'
            : 'You declined the network switch in your wallet.'
          : kind === 'connect'
            ? 'The wallet could not connect.'
            : `The wallet could not switch to ${chainName}. Switch it by hand and try again.`,
      )
    } finally {
      setPending(undefined)
    }
  }

  const pay = async () => {
    if (blocked || !address || chainId === undefined) return
    try {
      const client = await getConnectorClient(config, { chainId })
      submit({
        signer: { address, chainId: connection.chainId!, signTypedData: (typedData) => signTypedData(client, { ...(typedData as object), account: address } as never) },
        authorization,
        // tempo/charge (push mode) sends through the wallet's client for the offer's chain.
        getClient: (parameters) => getConnectorClient(config, { chainId: parameters.chainId ?? chainId }),
      })
    } catch {
      setProblem('The wallet is not available any more. Connect it again.')
    }
  }

  // EIP-6963 wallets announce themselves by name; the generic "Injected" one is then redundant.
  const named = connectors.filter((c) => c.id !== 'injected')
  const choices = named.length > 0 ? named : connectors

  return (
    <div data-mppkit-part="wallet" data-rail="wallet" data-protocol={offer.protocol}>
      <dl data-mppkit-part="facts">
        <div>
          <dt>Amount</dt>
          <dd data-testid="wallet-amount">{formatMoney(amount.money, { locale })}</dd>
        </div>
        <div>
          <dt>Token</dt>
          <dd title={token}>
            {known?.symbol ?? read?.symbol ? `${known?.symbol ?? read?.symbol} · ` : ''}
            <code>{shortAddress(token)}</code>
          </dd>
        </div>
        <div>
          <dt>To</dt>
          <dd title={offer.recipient}>
            <code>{offer.recipient ? shortAddress(offer.recipient) : 'not named'}</code>
          </dd>
        </div>
        <div>
          <dt>Network</dt>
          <dd>{chainName}</dd>
        </div>
        {address ? (
          <div>
            <dt>Account</dt>
            <dd title={address} data-testid="wallet-account">
              <code>{shortAddress(address)}</code>
              {connection.connector ? ` · ${connection.connector.name}` : ''}
            </dd>
          </div>
        ) : null}
        {read?.balance !== undefined && onChain ? (
          <div>
            <dt>Balance</dt>
            <dd data-testid="wallet-balance">{formatMoney({ ...amount.money, value: read.balance }, { locale })}</dd>
          </div>
        ) : null}
      </dl>
      {amount.note ? <p data-mppkit-part="hint">{amount.note}</p> : null}

      {connection.status !== 'connected' ? (
        choices.length === 0 ? (
          <p data-mppkit-part="notice" data-tone="error" role="alert">
            No browser wallet was found. Install one (or open this page in your wallet’s browser) to pay with it.
          </p>
        ) : (
          choices.map((connector) => (
            <button
              key={connector.uid}
              type="button"
              data-mppkit-part="primary"
              disabled={pending !== undefined || busy}
              // No chainId here: a wallet on another chain is shown as such and switched on purpose.
              onClick={() => run('connect', () => connect(config, { connector }))}
            >
              {connector.icon ? <img src={connector.icon} alt="" width={18} height={18} /> : null}
              {pending === 'connect' ? 'Connecting…' : connector.id === 'injected' ? 'Connect browser wallet' : `Connect ${connector.name}`}
            </button>
          ))
        )
      ) : !onChain && chainId !== undefined ? (
        <>
          <p data-mppkit-part="notice" data-tone="warning" role="status">
            {blocked}
          </p>
          <button type="button" data-mppkit-part="primary" disabled={pending !== undefined || busy} onClick={() => run('switch', () => switchChain(config, { chainId }))}>
            {pending === 'switch' ? 'Switching…' : `Switch to ${chainName}`}
          </button>
        </>
      ) : (
        <>
          <button type="button" data-mppkit-part="primary" disabled={busy || !!blocked} aria-describedby={blocked ? 'mppkit-wallet-blocked' : undefined} onClick={pay}>
            {busy ? 'Confirm in your wallet…' : `Sign and pay ${formatMoney(amount.money, { locale })}`}
          </button>
          {blocked ? (
            <p id="mppkit-wallet-blocked" data-mppkit-part="hint" data-tone="warning" data-testid="wallet-blocked">
              {blocked}
            </p>
          ) : (
            <p data-mppkit-part="hint">
              {offer.method === 'tempo'
                ? 'Your wallet sends this payment itself; check the amount and recipient there before confirming.'
                : 'Your wallet signs a one-time authorization for exactly this amount to this recipient; no approval is left behind.'}
            </p>
          )}
        </>
      )}
      {problem ? (
        <p data-mppkit-part="notice" data-tone="error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  )
}

/**
 * The amount to show. MPP offers carry decimals; x402 offers do not, so the token's own
 * `decimals()` (or the page's token list) is used, and until then base units are shown.
 */
function displayAmount(offered: Money, decimalsUnknown: boolean, known: TokenInfo | undefined, read: TokenFacts | undefined): { money: Money; note?: string; mismatch?: string } {
  const symbol = known?.symbol ?? read?.symbol ?? offered.symbol
  if (decimalsUnknown) {
    const decimals = known?.decimals ?? read?.decimals
    if (decimals === undefined) return { money: offered, note: 'Shown in the token’s base units: its decimals are not known yet.' }
    return { money: { ...offered, decimals, symbol }, ...(known ? {} : { note: 'Decimals and symbol read from the token contract.' }) }
  }
  const actual = known?.decimals ?? read?.decimals
  if (actual !== undefined && actual !== offered.decimals)
    return { money: { ...offered, symbol }, mismatch: `The offer says this token has ${offered.decimals} decimals; the token says ${actual}. It is not safe to pay.` }
  return { money: { ...offered, symbol } }
}

function chainLabel(config: Config, id: number | undefined): string {
  return config.chains.find((c) => c.id === id)?.name ?? `chain ${id ?? '?'}`
}
