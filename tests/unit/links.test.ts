import { describe, expect, it } from 'vitest'
import { isHttpUrl, safeHref } from '@/lib/text/links'

describe('safeHref', () => {
  it.each([
    ['https://example.com/a?b=1&c=2#d', 'https://example.com/a?b=1&c=2#d'],
    ['http://example.com', 'http://example.com'],
    ['HTTPS://EXAMPLE.COM/x', 'HTTPS://EXAMPLE.COM/x'],
    ['mailto:desk@news.example', 'mailto:desk@news.example'],
    ['MailTo:desk@news.example?subject=Tip', 'MailTo:desk@news.example?subject=Tip'],
    ['/articles/ceasefire', '/articles/ceasefire'],
    ['/', '/'],
    ['#comments', '#comments'],
    ['  https://example.com/  ', 'https://example.com/'],
    ['/articles/\nceasefire', '/articles/ceasefire'],
  ])('keeps %j', (input, expected) => {
    expect(safeHref(input)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' JaVaScRiPt:alert(1)',
    '\u0000javascript:alert(1)',
    '\u0001\u001f javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\r\nscript:alert(1)',
    'javascript\t:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'ｊavascript:alert(1)',
    'javascript://example.com/%0Aalert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'tel:+441234567890',
    '//evil.com',
    '//evil.com/path',
    ' //evil.com',
    '/\\evil.com',
    '/\t/evil.com',
    '\\\\evil.com',
    '\\/evil.com',
    'https:',
    'http://',
    'articles/relative',
    '?q=1',
    '',
    '   ',
  ])('refuses %j', (input) => {
    expect(safeHref(input)).toBeNull()
  })

  it('refuses values that are not strings', () => {
    expect(safeHref(undefined as unknown as string)).toBeNull()
    expect(safeHref(42 as unknown as string)).toBeNull()
  })

  it('turns an absolute URL on the site into a path when given the origin', () => {
    expect(safeHref('https://news.example/articles/x?y=1#z', 'https://news.example')).toBe('/articles/x?y=1#z')
    expect(safeHref('https://news.example', 'https://news.example')).toBe('/')
    expect(safeHref('https://other.example/a', 'https://news.example')).toBe('https://other.example/a')
    expect(safeHref('http://news.example/a', 'https://news.example')).toBe('http://news.example/a')
    expect(safeHref('javascript:alert(1)', 'https://news.example')).toBeNull()
  })
})

describe('isHttpUrl', () => {
  it.each([
    ['https://creativecommons.org/licenses/by/4.0/', true],
    ['http://news.example/a', true],
    ['HTTPS://NEWS.EXAMPLE', true],
    ['mailto:desk@news.example', false],
    ['javascript:alert(1)', false],
    ['/articles/a', false],
    ['news.example', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isHttpUrl(value)).toBe(expected)
  })
})
