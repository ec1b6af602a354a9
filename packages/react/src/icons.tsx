// Tiny inline icons: emoji fonts are not everywhere, and images would need requests.
// The lock lives in its own module: the gate needs it at start-up, the rest load with the checkout.
import { iconProps as common } from './LockIcon'

export const BoltIcon = () => (
  <svg {...common}>
    <path d="M13 2 4 14h7l-1 8 9-12h-7z" />
  </svg>
)
export const CardIcon = () => (
  <svg {...common}>
    <rect x="2" y="5" width="20" height="14" rx="2" />
    <path d="M2 10h20" />
  </svg>
)
export const WalletIcon = () => (
  <svg {...common}>
    <path d="M20 7H5a2 2 0 0 1 0-4h13v4" />
    <path d="M3 5v14a2 2 0 0 0 2 2h15V7" />
    <circle cx="16" cy="14" r="1" />
  </svg>
)
export const ExternalIcon = () => (
  <svg {...common}>
    <path d="M14 3h7v7M21 3l-9 9M19 14v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2h5" />
  </svg>
)
export const CoinIcon = () => (
  <svg {...common}>
    <circle cx="12" cy="12" r="9" />
    <path d="M9 12h6M12 9v6" />
  </svg>
)
export const CheckIcon = () => (
  <svg {...common} strokeWidth={3}>
    <path d="M5 12l5 5 9-10" />
  </svg>
)

export const railIcons: Record<string, () => React.JSX.Element> = {
  lightning: BoltIcon,
  card: CardIcon,
  wallet: WalletIcon,
  handoff: ExternalIcon,
}
