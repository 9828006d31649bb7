/** @jsxImportSource preact */
import type { Author, Media } from '@/payload-types'
import { safeHref } from '@/lib/text/links'
import { listingPath, pagedTitle } from '@/lib/content/pagination'
import { isPopulated } from '@/lib/content/populated'
import type { ArticlePage } from '@/lib/content/queries'
import { authorPath } from '@/lib/content/site'
import { ArticleList } from './ArticleList'

/** /authors/<slug> and its pages: who the author is, then their articles, newest first. */
export function AuthorProfile({ author, articles }: { author: Author; articles: ArticlePage }) {
  const photo = isPopulated<Media>(author.photo) ? author.photo : null
  const portrait = photo?.sizes?.thumbnail
  const links = (author.links ?? []).filter((link) => safeHref(link.url))
  const page = articles.page
  return (
    <>
      <header className="profile">
        {photo && portrait?.url && (
          <img src={portrait.url} width={portrait.width ?? undefined} height={portrait.height ?? undefined} alt={photo.alt} />
        )}
        <div>
          <h1>{author.name}</h1>
          {author.jobTitle && <p className="job-title">{author.jobTitle}</p>}
          {author.bio && <p className="bio">{author.bio}</p>}
          {links.length > 0 && (
            <ul className="links">
              {links.map((link) => (
                <li key={link.url}>
                  <a href={link.url} rel="me noopener">
                    {link.label}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </header>
      <h2>{pagedTitle(`Articles by ${author.name}`, page)}</h2>
      {articles.docs.length === 0 && <p>No published articles yet.</p>}
      <ArticleList
        page={articles}
        hrefFor={(n) => listingPath(authorPath(author.slug ?? ''), n)}
        label={`Articles by ${author.name}`}
      />
    </>
  )
}
