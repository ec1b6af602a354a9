import { formatMoney } from '@mppkit/core'
import { PaymentGate, useMppContext, type PaymentReceipt } from '@mppkit/react'
import { useEffect, useState } from 'react'
import { articleUrl } from './handoff'

type ArticleJson = { content: { title: string; author: string; text: string }; entitlement?: { id: string; tier_id: string } }

/** A post behind a subscription: UCAP offers paid on the publisher's hosted checkout in a new tab. */
export function Article({ post, title, note }: { post: string; title: string; note: string }) {
  const id = `article-${post}`
  return (
    <section className="card" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{note}</p>
      <PaymentGate request={articleUrl(post)} label={title} preview={<p className="teaser">Subscribers read this post in full. Pick a plan to read on.</p>}>
        {({ response, receipt }) => <ArticleBody response={response} receipt={receipt} />}
      </PaymentGate>
    </section>
  )
}

function ArticleBody({ response, receipt }: { response: Response; receipt: PaymentReceipt | undefined }) {
  const { locale } = useMppContext()
  const [article, setArticle] = useState<ArticleJson>()
  useEffect(() => void response.clone().json().then(setArticle), [response])
  if (!article) return null
  return (
    <article className="result" data-testid="article">
      <h3>{article.content.title}</h3>
      <p className="muted small">{article.content.author}</p>
      <p>{article.content.text}</p>
      {receipt ? (
        <p className="muted small" data-testid="bought">
          Bought: {receipt.description} · {formatMoney(receipt.amount, { locale })} · <code>{receipt.reference}</code>
        </p>
      ) : null}
    </article>
  )
}
