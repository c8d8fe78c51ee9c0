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
