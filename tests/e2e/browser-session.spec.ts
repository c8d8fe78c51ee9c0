import type { Route } from '@playwright/test'
import { expect, test } from './serve-fixture'

test('the session token lives in the page, not in a cookie: reload keeps it, a page without it is refused', async ({ page, context, served }) => {
  await page.goto(served.url)
  await expect(page.getByRole('option', { name: /Welcome to Folio/ })).toBeVisible()
  // NOTE: the token leaves the address bar and no cookie is ever set (every port of 127.0.0.1 would receive it).
  expect(page.url()).not.toContain('token=')
  expect(await context.cookies()).toEqual([])
  await page.reload()
  await expect(page.getByRole('option', { name: /Welcome to Folio/ })).toBeVisible()
  const origin = new URL(served.url).origin
  const stranger = await context.newPage()
  await stranger.goto(`${origin}/`)
  await expect(stranger.getByText(/folio serve/).first()).toBeVisible()
  await expect(stranger.getByRole('option', { name: /Welcome to Folio/ })).toHaveCount(0)
  await stranger.close()
})

test('preview images load only through this run\'s capability path', async ({ page, served }) => {
  const assetUrls: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/asset/')) assetUrls.push(request.url())
  })
  await page.goto(served.url)
  await page.getByRole('option', { name: /A weekend in the mountains/ }).click()
  const origin = new URL(served.url).origin
  const capabilityPath = new RegExp(`^${origin}/asset/[0-9a-f]{64}/`)
  // NOTE: the preview may render once before /api/session names the capability, then again with it.
  await expect.poll(() => assetUrls.filter((url) => capabilityPath.test(url)).length).toBeGreaterThan(0)
  const loaded = assetUrls.filter((url) => capabilityPath.test(url))
  expect(loaded.length).toBeGreaterThan(0)
  const response = await page.request.get(loaded[0] ?? '')
  expect(response.status()).toBe(200)
  expect((await page.request.get(loaded[0]?.replace(/\/asset\/[0-9a-f]{64}\//, '/asset/') ?? '')).status()).toBe(404)
})

test('the first screen comes with the page: rows show while every folder and index request is held, and the CSP is never hit', async ({ page, served }) => {
  // NOTE: nothing answers getFolder or getArticleIndex until the rows are on screen: they came in the page itself.
  const held: Route[] = []
  await page.route(/\/api\/(getFolder|getArticleIndex)$/, (route) => void held.push(route))
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`))
  })
  await page.goto(served.url)
  await expect(page.getByRole('option', { name: /Welcome to Folio/ })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([])
  expect(await page.locator('#folio-early').count()).toBe(0)
  // NOTE: the list's own first page was asked (after its event subscription) and is still held.
  expect(held.map((route) => new URL(route.request().url()).pathname)).toContain('/api/getArticleIndex')
  await page.unroute(/\/api\/(getFolder|getArticleIndex)$/)
  await page.reload()
  await expect(page.getByRole('option', { name: /Welcome to Folio/ })).toBeVisible()
})
