import { StepSizer } from '../../../../src/renderer/preview/step-sizer'

describe('StepSizer', () => {
  it('starts small and grows at most twofold per step while steps stay under their time', () => {
    const sizer = new StepSizer(4)
    const sizes = [sizer.chars]
    for (let i = 0; i < 6; i++) {
      sizer.learn(sizer.chars, 0.01)
      sizes.push(sizer.chars)
    }
    expect(sizes[0]).toBeLessThanOrEqual(1024)
    // Twofold per step, up to 8,192 characters however cheap the steps look.
    expect(sizes).toEqual([1024, 2048, 4096, 8192, 8192, 8192, 8192])
  })

  it('settles where a step takes its time, and shrinks at once after a slow step', () => {
    const sizer = new StepSizer(6)
    // 1,000 characters per millisecond: steps of 6,000 characters.
    for (let i = 0; i < 20; i++) sizer.learn(sizer.chars, sizer.chars / 1000)
    expect(sizer.chars).toBeCloseTo(6000)
    // A step three times slower (a busy machine): the next step is a third.
    sizer.learn(6000, 18)
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
