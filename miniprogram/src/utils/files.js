// @ts-check
/** Picking a document or photo on the phone: pictures from the album or camera, PDFs from a chat. */

/** @param {'image'|'file'} kind @returns {Promise<{path: string, name: string}|null>} */
function choose(kind) {
  return new Promise((resolve) => {
    if (kind === 'image') {
      wx.chooseMedia({
        count: 1, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'],
        success: (r) => resolve({ path: r.tempFiles[0].tempFilePath, name: '照片' }),
        fail: () => resolve(null),
      });
    } else {
      wx.chooseMessageFile({
        count: 1, type: 'file', extension: ['pdf', 'jpg', 'jpeg', 'png'],
        success: (r) => resolve({ path: r.tempFiles[0].path, name: r.tempFiles[0].name }),
        fail: () => resolve(null),
      });
    }
  });
}

module.exports = { choose };
