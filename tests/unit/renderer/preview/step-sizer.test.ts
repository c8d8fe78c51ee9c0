import { StepSizer } from '../../../../src/renderer/preview/step-sizer'

describe('StepSizer', () => {
  it('starts small and grows at most twofold per step while steps stay under their time', () => {
    const sizer = new StepSizer(4)
    const sizes = [sizer.chars]
    for (let i = 0; i < 6; i++) {
      sizer.learn(sizer.chars, 0.1)
      sizes.push(sizer.chars)
    }
    expect(sizes[0]).toBeLessThanOrEqual(1024)
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBe(2 * (sizes[i - 1] ?? 0))
  })

  it('settles where a step takes its time, and shrinks at once after a slow step', () => {
    const sizer = new StepSizer(20)
    // 1,000 characters per millisecond: steps of 20,000 characters.
    for (let i = 0; i < 20; i++) sizer.learn(sizer.chars, sizer.chars / 1000)
    expect(sizer.chars).toBeCloseTo(20_000)
    // A step ten times slower (a busy machine): the next step is a tenth.
    sizer.learn(20_000, 200)
    expect(sizer.chars).toBeCloseTo(2000)
  })

  it('never asks for less than 1,024 characters (a pass of the sanitizer costs most before its first unit), and ignores empty steps', () => {
    const sizer = new StepSizer(4)
    sizer.learn(100, 10_000)
    expect(sizer.chars).toBe(1024)
    sizer.learn(0, 5)
    expect(sizer.chars).toBe(1024)
    // A step too quick to time (0 ms) grows it twofold.
    sizer.learn(1024, 0)
    expect(sizer.chars).toBe(2048)
  })
})
