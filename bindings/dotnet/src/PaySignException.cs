using System;
using System.Runtime.Serialization;

namespace PaySign
{
    /// <summary>The C ABI's paysign_status. The numbers are fixed forever.</summary>
    public enum Status
    {
        Ok = 0,
        /// <summary>Verification ran and the signature does not match (Verify returns false).</summary>
        BadSignature = 1,
        NullArgument = 10,
        InvalidArgument = 11,
        UnknownProfile = 12,
        MissingField = 13,
        InvalidField = 14,
        DuplicateField = 15,
        MalformedInput = 16,
        CharsetError = 17,
        StaleTimestamp = 18,
        KeyError = 20,
        KeyMismatch = 21,
        Unsupported = 22,
        DecryptError = 23,
        BufferTooSmall = 30,
        IoError = 31,
        Panic = 99,
        UntrustedCert = 24,
    }

    /// <summary>
    /// A paysign call failed. <see cref="Status"/> is the C status; the message is the core's
    /// last-error text (it names the field, profile or offset, never a secret).
    /// </summary>
    [Serializable]
    public class PaySignException : Exception
    {
        public PaySignException(Status status, string message)
            : base(string.IsNullOrEmpty(message) ? status.ToString() : message)
        {
            Status = status;
        }

        protected PaySignException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
            Status = (Status)info.GetInt32("PaySign.Status");
        }

        /// <summary>The status returned by the C ABI.</summary>
        public Status Status { get; private set; }

        /// <summary>The status as its number (e.g. 12 for UnknownProfile).</summary>
        public int Code { get { return (int)Status; } }

        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue("PaySign.Status", (int)Status);
        }
    }
}
