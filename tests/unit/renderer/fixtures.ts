/** Small articles for renderer tests. */
export const helloText = `---
title: "Hello world"
date: "2025-02-11 17:15:27"
draft: false
count: 3
tags:
  - "news"
  - "rust"
---

# Hello

Some *text*.
`

export const otherText = `---
title: Second post
draft: true
---
Body of the second post.
`

export const brokenText = `---
title: [unclosed
---
Broken body.
`

export const untitledText = `No front matter here.
`
