// Drives the simulator with the official OpenAI Node SDK (npm package `openai`), in the SDK's normal
// way, through every Videos operation it has, and checks what comes back. Run by
// io.github.openaivideos.simulator.NodeSdkInteropTest, which starts the simulator and passes:
//   OPENAI_BASE_URL, OPENAI_API_KEY  where the simulator listens and the key it requires
//   OPENAI_NODE_MODULES              the node_modules directory that holds `openai` (.ci/tools)
//   FIXTURE_PNG                      a 720x1280 PNG for input_reference
// Prints one JSON line with what it did; exits non-zero, with the failed check on stderr, otherwise.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const sdk = require(path.join(process.env.OPENAI_NODE_MODULES, 'openai'));
const { OpenAI, toFile, APIError, AuthenticationError, BadRequestError, NotFoundError } = sdk;

const client = new OpenAI({
  baseURL: process.env.OPENAI_BASE_URL,
  apiKey: process.env.OPENAI_API_KEY,
  maxRetries: 0,
  timeout: 30_000,
});

let checks = 0;
function check(condition, message) {
  assert.ok(condition, message);
  checks++;
}
function same(actual, expected, message) {
  assert.deepStrictEqual(actual, expected, message);
  checks++;
}

/** Calls `action`, which must fail with an APIError of `type`; returns the error. */
async function failure(type, action, message) {
  try {
    await action();
  } catch (error) {
    check(error instanceof type, `${message}: expected ${type.name}, got ${error}`);
    return error;
  }
  assert.fail(`${message}: expected ${type.name}, but the call succeeded`);
}

/** Polls like any client of the Videos API: retrieve until the job has finished. */
async function finished(id) {
  for (let attempt = 0; attempt < 300; attempt++) {
    const video = await client.videos.retrieve(id);
    if (video.status === 'completed' || video.status === 'failed') {
      return video;
    }
    check(['queued', 'in_progress'].includes(video.status), `status of ${id}: ${video.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`${id} did not finish`);
}

async function bytesOf(response) {
  return Buffer.from(await response.arrayBuffer());
}

function isMp4(bytes) {
  return bytes.length > 12 && bytes.toString('latin1', 4, 8) === 'ftyp';
}

function pngSize(bytes) {
  check(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    'a PNG signature');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

function mp4File(bytes, name) {
  return toFile(bytes, name, { type: 'video/mp4' });
}

async function main() {
  const created = [];
  const png = fs.readFileSync(process.env.FIXTURE_PNG);

  // create, without and with an image file
  const plain = await client.videos.create({
    prompt: 'A calico cat on a skateboard', model: 'sora-2', seconds: '4', size: '720x1280',
  });
  check(plain.id.startsWith('video_'), `video id ${plain.id}`);
  same(plain.object, 'video', 'object');
  same([plain.model, plain.seconds, plain.size], ['sora-2', '4', '720x1280'], 'create echoes');
  check(['queued', 'in_progress'].includes(plain.status), `a new job waits: ${plain.status}`);
  same(plain.progress, 0, 'progress of a new job');
  created.push(plain.id);

  const fromImage = await client.videos.create({
    prompt: 'The same cat, from this first frame', seconds: '8', size: '720x1280',
    input_reference: await toFile(png, 'first-frame.png', { type: 'image/png' }),
  });
  same(fromImage.seconds, '8', 'create with an image keeps seconds');
  created.push(fromImage.id);

  // An image part without a declared type is application/octet-stream, which the service refuses.
  const octet = await failure(BadRequestError, async () => client.videos.create({
    prompt: 'p', input_reference: await toFile(png, 'first-frame.png'),
  }), 'an undeclared image type');
  same([octet.status, octet.code, octet.param], [400, 'invalid_file_type', 'input_reference'],
    'octet-stream error');
  check(octet.message.includes('Content-Type declared on the file part'), octet.message);

  // An unknown parameter is an error, as on the service.
  const unknown = await failure(BadRequestError,
    () => client.videos.create({ prompt: 'p', quality: 'high' }), 'an unknown parameter');
  same(unknown.error, {
    message: "Unknown parameter: 'quality'.", type: 'invalid_request_error', param: 'quality',
    code: 'unknown_parameter',
  }, 'unknown parameter error body');

  // retrieve, polling until done
  const done = await finished(plain.id);
  same(done.status, 'completed', 'plain job completes');
  same(done.progress, 100, 'progress when completed');
  check(Number.isInteger(done.completed_at) && done.completed_at >= done.created_at, 'completed_at');
  same((await finished(fromImage.id)).status, 'completed', 'image job completes');

  // content: all three variants, the video one as the default
  const video = await bytesOf(await client.videos.downloadContent(plain.id));
  check(isMp4(video), 'the video variant is an MP4');
  const explicit = await client.videos.downloadContent(plain.id, { variant: 'video' });
  same(explicit.headers.get('content-type'), 'video/mp4', 'video content type');
  check((await bytesOf(explicit)).equals(video), 'variant=video is the default');
  const thumbnail = await client.videos.downloadContent(plain.id, { variant: 'thumbnail' });
  same(thumbnail.headers.get('content-type'), 'image/png', 'thumbnail content type');
  same(pngSize(await bytesOf(thumbnail)), '720x1280', 'thumbnail size');
  const sprites = await client.videos.downloadContent(plain.id, { variant: 'spritesheet' });
  same(sprites.headers.get('content-type'), 'image/jpeg', 'spritesheet content type');
  check((await bytesOf(sprites)).subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
    'the spritesheet is a JPEG');

  // remix
  const remix = await client.videos.remix(plain.id, { prompt: 'Now at night' });
  same([remix.remixed_from_video_id, remix.prompt, remix.seconds, remix.size],
    [plain.id, 'Now at night', '4', '720x1280'], 'remix');
  created.push(remix.id);

  // edit, by id (the SDK sends video[id]) and by file
  const editById = await client.videos.edit({ prompt: 'Make it blue', video: { id: fromImage.id } });
  same([editById.seconds, editById.size, editById.prompt], ['8', '720x1280', 'Make it blue'],
    'edit by id keeps the source');
  created.push(editById.id);
  const editByFile = await client.videos.edit({
    prompt: 'Make it green', video: await mp4File(video, 'clip.mp4'),
  });
  same([editByFile.seconds, editByFile.size], ['4', '720x1280'], 'edit of an upload');
  created.push(editByFile.id);

  // extend, by id with every length, and by file
  for (const seconds of ['4', '8', '12', '16', '20']) {
    const extension = await client.videos.extend({
      prompt: `Then ${seconds} more seconds`, seconds, video: { id: plain.id },
    });
    same(extension.seconds, String(4 + Number(seconds)), `extend by ${seconds}`);
    created.push(extension.id);
  }
  const extendByFile = await client.videos.extend({
    prompt: 'And on', seconds: '8', video: await mp4File(video, 'clip.mp4'),
  });
  same(extendByFile.seconds, '12', 'extend an upload');
  created.push(extendByFile.id);
  const extendedBytes = await bytesOf(
    await client.videos.downloadContent((await finished(extendByFile.id)).id));
  check(isMp4(extendedBytes) && extendedBytes.length > video.length, 'the extension is longer');

  // list, with the SDK's auto-pagination (two at a time, oldest first)
  const listed = [];
  for await (const item of client.videos.list({ limit: 2, order: 'asc' })) {
    same(item.object, 'video', 'listed object');
    listed.push(item.id);
  }
  same(listed, created, 'auto-pagination walks every video once, in order');
  const firstPage = await client.videos.list({ limit: 2 });
  same(firstPage.data.map((v) => v.id), created.slice(-2).reverse(), 'newest first by default');
  check(firstPage.hasNextPage(), 'a first page of two has more');

  // characters
  const character = await client.videos.createCharacter({
    name: 'Captain Cat', video: await mp4File(video, 'captain.mp4'),
  });
  check(character.id.startsWith('char_'), `character id ${character.id}`);
  same(character.name, 'Captain Cat', 'character name');
  same(await client.videos.getCharacter(character.id), character, 'get character');

  // delete, then 404
  const deleted = await client.videos.delete(remix.id);
  same(deleted, { id: remix.id, object: 'video.deleted', deleted: true }, 'delete');
  const gone = await failure(NotFoundError, () => client.videos.retrieve(remix.id),
    'a deleted video');
  same([gone.status, gone.code], [404, 'not_found'], 'not found error');
  check(typeof gone.requestID === 'string' && gone.requestID.startsWith('req_'), 'x-request-id');

  // a wrong key
  const stranger = new OpenAI({
    baseURL: process.env.OPENAI_BASE_URL, apiKey: 'sk-not-the-simulators-key', maxRetries: 0,
  });
  const denied = await failure(AuthenticationError, () => stranger.videos.retrieve(plain.id),
    'a wrong key');
  same([denied.status, denied.code], [401, 'invalid_api_key'], 'wrong key error');
  check(denied instanceof APIError, 'an APIError');

  const remaining = created.filter((id) => id !== remix.id);
  console.log(JSON.stringify({ ok: true, checks, videos: remaining, character: character.id }));
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
